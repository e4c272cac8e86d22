/*
 * proto.h - protocol constants shared by the decoder (decode/) and the
 * printers (print/): ethertypes, IP protocol numbers, TCP flags and option
 * kinds, link types, PPP protocols and the well-known ports dispatch uses.
 * One definition each; values from the IANA registries and the RFCs named.
 */
#ifndef SYNACK_PROTO_H
#define SYNACK_PROTO_H

/* Ethertypes (IEEE 802 numbers) */
#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_ARP 0x0806
#define ETHERTYPE_TEB 0x6558          /* transparent Ethernet bridging (GRE, GENEVE) */
#define ETHERTYPE_NSH 0x894f          /* ositun: Network Service Header (RFC 8300) */
#define ETHERTYPE_RARP 0x8035
#define ETHERTYPE_VLAN 0x8100         /* IEEE 802.1Q */
#define ETHERTYPE_IPV6 0x86dd
#define ETHERTYPE_PPP 0x880b
#define ETHERTYPE_MPLS 0x8847
#define ETHERTYPE_MPLS_MULTI 0x8848
#define ETHERTYPE_PPPOED 0x8863       /* PPPoE discovery (RFC 2516) */
#define ETHERTYPE_PPPOES 0x8864       /* PPPoE session */
#define ETHERTYPE_JUMBO 0x8870
#define ETHERTYPE_QINQ 0x88a8         /* IEEE 802.1ad */
#define ETHERTYPE_ERSPAN2 0x88be      /* ERSPAN type II (and I) over GRE */
#define ETHERTYPE_ERSPAN3 0x22eb      /* ERSPAN type III over GRE */
#define ETHERTYPE_QINQ_OLD1 0x9100
#define ETHERTYPE_QINQ_OLD2 0x9200
#define ETHERTYPE_MAX_LENGTH 1500     /* type fields up to this are 802.3 lengths */

/* 1 for the ethertypes that introduce a 4-byte VLAN tag. */
#define ETHERTYPE_IS_VLAN(t)                                                                 \
	((t) == ETHERTYPE_VLAN || (t) == ETHERTYPE_QINQ || (t) == ETHERTYPE_QINQ_OLD1 || \
	 (t) == ETHERTYPE_QINQ_OLD2)

/* PPP protocol numbers (RFC 1661 and the IANA PPP DLL registry) */
#define PPP_PROTO_IPV4 0x0021
#define PPP_PROTO_IPV6 0x0057
#define PPP_PROTO_MPLS 0x0281
#define PPP_PROTO_MPLS_MULTI 0x0283

/* IP protocol numbers */
#define IPPROTO_HOPOPTS_ 0
#define IPPROTO_ICMP_ 1
#define IPPROTO_IPIP_ 4               /* IPv4 in IP (RFC 2003) */
#define IPPROTO_TCP_ 6
#define IPPROTO_UDP_ 17
#define IPPROTO_IPV6_ 41              /* IPv6 in IP (RFC 4213) */
#define IPPROTO_ROUTING_ 43
#define IPPROTO_FRAGMENT_ 44
#define IPPROTO_GRE_ 47
#define IPPROTO_ESP_ 50
#define IPPROTO_ICMPV6_ 58
#define IPPROTO_NONE_ 59
#define IPPROTO_DSTOPTS_ 60
#define IPPROTO_PGM_ 113
#define IPPROTO_ETHERNET_ 143         /* Ethernet over IPv6 (RFC 8986) */

/* TCP header flags (RFC 9293, RFC 3168) */
#define TCPF_FIN 0x01
#define TCPF_SYN 0x02
#define TCPF_RST 0x04
#define TCPF_PSH 0x08
#define TCPF_ACK 0x10
#define TCPF_URG 0x20
#define TCPF_ECE 0x40
#define TCPF_CWR 0x80

/* TCP option kinds (IANA "TCP Option Kind Numbers") */
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCPOPT_WSCALE 3
#define TCPOPT_SACK_OK 4
#define TCPOPT_SACK 5
#define TCPOPT_ECHO 6
#define TCPOPT_ECHOREPLY 7
#define TCPOPT_TS 8
#define TCPOPT_CC 11
#define TCPOPT_CCNEW 12
#define TCPOPT_CCECHO 13
#define TCPOPT_MD5 19
#define TCPOPT_SCPS 20
#define TCPOPT_UTO 28
#define TCPOPT_AO 29
#define TCPOPT_MPTCP 30
#define TCPOPT_FASTOPEN 34
#define TCPOPT_EXPERIMENT2 254

/* Link types (pcap LINKTYPE_* / DLT_* values as they appear in files) */
#define LINKTYPE_NULL 0
#define LINKTYPE_EN10MB 1
#define LINKTYPE_RAW_DLT 12           /* DLT_RAW on most platforms */
#define LINKTYPE_RAW 101
#define LINKTYPE_LOOP 108
#define LINKTYPE_LINUX_SLL 113
#define LINKTYPE_IPV4 228
#define LINKTYPE_IPV6 229
#define LINKTYPE_LINUX_SLL2 276
#define LINKTYPE_PPP 9
#define LINKTYPE_PPP_SERIAL 50        /* RFC 1662 framing, or Cisco HDLC */
#define LINKTYPE_PPP_ETHER 51         /* PPPoE header, no Ethernet */
#define LINKTYPE_C_HDLC 104
#define LINKTYPE_PPP_PPPD 166
#define LINKTYPE_IEEE802_5 6          /* Token Ring */
#define LINKTYPE_FDDI 10
#define LINKTYPE_SUNATM 123
#define LINKTYPE_PPI 192
/* links2 (print/links2.c): log devices, tunnels and odd media */
#define LINKTYPE_SYMANTEC_FIREWALL 99
#define LINKTYPE_ENC 109              /* OpenBSD IPsec */
#define LINKTYPE_HDLC 112             /* NetBSD: Cisco HDLC */
#define LINKTYPE_PFLOG 117
#define LINKTYPE_IP_OVER_FC 122
#define LINKTYPE_APPLE_IP_OVER_IEEE1394 138
#define LINKTYPE_USER2 149            /* Apple's PKTAP before 258 */
#define LINKTYPE_IPNET 226            /* Solaris */
#define LINKTYPE_NFLOG 239
#define LINKTYPE_NETANALYZER 240
#define LINKTYPE_NETANALYZER_TRANSPARENT 241
#define LINKTYPE_IPOIB 242
#define LINKTYPE_PKTAP 258
#define LINKTYPE_DSA_TAG_BRCM_PREPEND 282

/* BSD null/loop address families that mean IPv4 / IPv6 */
#define NULL_AF_INET 2
#define NULL_AF_IS_INET6(f) ((f) == 24 || (f) == 28 || (f) == 30)

/* GRE (RFC 2784, RFC 2890, RFC 2637 enhanced GRE) flag bits */
#define GRE_F_CSUM 0x8000
#define GRE_F_ROUTING 0x4000
#define GRE_F_KEY 0x2000
#define GRE_F_SEQ 0x1000
#define GRE_F_SSR 0x0800
#define GRE_F_ACK 0x0080
#define GRE_VERSION_MASK 0x0007

/* Well-known ports the dispatchers use (decode: UDP tunnels; print/tcp.c) */
#define PORT_SSH 22
#define PORT_DNS 53
#define PORT_HTTP 80
#define PORT_BGP 179
#define PORT_RPKI_RTR 323
#define PORT_PPTP 1723
#define PORT_NFS 2049
#define PORT_OPENFLOW_OLD 6633
#define PORT_OPENFLOW 6653
#define PORT_HTTP_ALT 8080
#define PORT_VXLAN 4789
#define PORT_OTV 8472
#define PORT_GENEVE 6081
#define PORT_VXLAN_GPE 4790            /* ositun: VXLAN-GPE, MPLS in UDP (RFC 7510) */
#define PORT_MPLS_UDP 6635
#define PORT_L2TP 1701

#endif
