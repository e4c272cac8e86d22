/*
 * playbook.c - the table of finding kinds: id, severity, title, the likely
 * causes and the next commands for each capture point.  Indexed by enum fid
 * (findings.h), so a finding that names a kind that does not exist does not
 * compile.  Ids are stable once shipped: scripts match on them.
 *
 * Rule for the texts: advice fits the capture point.  A capture taken at the
 * client never says "capture at the client", one at the server never says
 * "capture at the server"; commands name %SERVER% %CLIENT% %PORT%, which are
 * replaced with the real addresses.
 */
#include "findings.h"

const char *const diag_vantage_name[V_COUNT] = {"unknown", "client", "server", "in between"};

#define CMP_BOTH "synack compare client.pcap server.pcap"
#define CAP_SRV "capture at the server too (tcpdump -i any -w server.pcap 'host %CLIENT% and tcp port %PORT%') and run " CMP_BOTH
#define CAP_CLI "capture at the client too (tcpdump -i any -w client.pcap 'host %SERVER% and tcp port %PORT%') and run " CMP_BOTH
#define SRV_LISTEN "on the server: ss -ltn 'sport = :%PORT%' (Recv-Q = queued, Send-Q = backlog); nstat -az TcpExtListenOverflows TcpExtListenDrops"

const struct diag_kind diag_kinds[F_COUNT] = {
	[F_NO_TRAFFIC] = {"no-traffic", SEV_ERROR, 1, "nothing captured",
		{"no packet reached this capture point (or none matched the filter): the capture ran on the wrong interface, "
		 "the filter excludes the traffic, or the traffic never got here (dropped or routed elsewhere upstream)",
		 "nothing the client sent was captured here: the capture ran on the wrong interface or with a filter that excludes "
		 "the traffic, or the client never sent (name resolution, local firewall, wrong address in the client's configuration)",
		 "no packet reached the server: the client's packets are dropped or routed elsewhere before this host (a router or "
		 "firewall on the path, wrong DNS record or address), or the capture ran on the wrong interface / with a filter that excludes them",
		 "nothing crossed this point: the traffic takes another path, or is dropped before it"},
		{"ip -br link (is the interface right and up?); check the capture filter; capture one step upstream; "
		 "ip route get <server address>",
		 "tcpdump -i any -n (without a filter) while reproducing; ip route get <server address>; nft list ruleset on the client",
		 "tcpdump -i any -n (without a filter) while reproducing; capture at the client, then on each router on the way, to see "
		 "where the packets stop; ip addr (is the address the client uses configured here?)",
		 "capture at the client and at the server and run " CMP_BOTH "; ip route on this device"}},
	[F_SYN_FLOOD] = {"syn-flood", SEV_CRITICAL, 1, "SYN flood: many half-open connections to one port",
		{"many sources send SYNs that never complete; legitimate clients may be refused while the SYN queue is full", "", "", ""},
		{"nstat -az TcpExtSyncookiesSent TcpExtListenDrops; sysctl net.ipv4.tcp_syncookies net.ipv4.tcp_max_syn_backlog; "
		 "ss -tn state syn-recv 'sport = :%PORT%' | wc -l", "", "", ""}},
	[F_LISTEN_OVERFLOW] = {"listen-overflow", SEV_CRITICAL, 1,
		"listen queue overflow: the server completes some connections and drops others",
		{"the accept queue of the listener is full (the application does not call accept() fast enough, or its backlog is too small): "
		 "the kernel ignores the client's final ACK and retransmits its SYN-ACK, or drops new SYNs while other connections succeed",
		 "", "", ""},
		{SRV_LISTEN "; sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog; check the application's listen() backlog and accept loop",
		 "", "ss -ltn 'sport = :%PORT%' (Recv-Q = queued, Send-Q = backlog); nstat -az TcpExtListenOverflows TcpExtListenDrops; "
		 "sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog; check the application's listen() backlog and accept loop", ""}},
	[F_PMTU_BLACKHOLE] = {"pmtu-blackhole", SEV_CRITICAL, 1, "path-MTU black hole",
		{"full-size segments never get through while small ones do, and no ICMP 'fragmentation needed' comes back: "
		 "a link with a smaller MTU on the path (tunnel, VPN, PPPoE) and ICMP filtered", "", "", ""},
		{"test the path MTU from the sending side: ping -M do -s 1472 %CLIENT% on the server or "
		 "ping -M do -s 1472 %SERVER% on the client (shrink -s until it passes); ip route get %CLIENT% (mtu); "
		 "clamp the MSS: nft add rule inet filter forward tcp flags syn tcp option maxseg size set rt mtu; "
		 "sysctl net.ipv4.tcp_mtu_probing=1; allow ICMP type 3 code 4 / ICMPv6 packet-too-big through firewalls",
		 "ping -M do -s 1472 %SERVER% (shrink -s until it passes); tracepath %SERVER%; sysctl net.ipv4.tcp_mtu_probing=1; "
		 "ask the network to clamp the MSS or let ICMP 'fragmentation needed' / packet-too-big through",
		 "ping -M do -s 1472 %CLIENT% (shrink -s until it passes); tracepath %CLIENT%; ip route get %CLIENT% (mtu); "
		 "sysctl net.ipv4.tcp_mtu_probing=1; clamp the MSS on the router in front (tcp option maxseg size set rt mtu)", ""}},
	[F_NEIGHBOR_UNREACHABLE] = {"neighbor-unreachable", SEV_ERROR, 1, "address resolution unanswered (ARP / neighbour discovery)",
		{"nobody on the link answers for the address: the host is down or unplugged, the address is wrong (typo, stale "
		 "configuration or DNS), or it is on another VLAN/subnet than assumed", "", "", ""},
		{"ip neigh show; ping the address; check the address and prefix on both hosts (ip addr); bridge fdb / switch port and VLAN of the target", "", "", ""}},
	[F_DUPLICATE_IP] = {"duplicate-ip", SEV_ERROR, 1, "two machines answer for one address (duplicate IP)",
		{"two hosts are configured with the same address (static address reused, DHCP conflict, a VM clone): traffic goes "
		 "to one or the other at random", "", "", ""},
		{"arping -D -I <if> <address>; ip neigh show <address>; look up both MACs (switch MAC table, DHCP leases) and renumber one host", "", "", ""}},
	[F_HOST_UNREACHABLE] = {"host-unreachable", SEV_ERROR, 1, "destination host unreachable",
		{"nobody answers for the destination address (ARP/ND unanswered or ICMP host unreachable): the host is down, "
		 "the address is not configured anywhere, or the route points to the wrong place", "", "", ""},
		{"ip neigh show %SERVER%; ip route get %SERVER%; ping %SERVER% from the last router; check the address is configured on the server (ip addr)", "", "", ""}},
	[F_TTL_EXPIRED] = {"ttl-expired", SEV_ERROR, 1, "packets expire on the way (ICMP time exceeded)",
		{"a router discarded the packets because their TTL / hop limit ran out: a routing loop between two routers, or the "
		 "sender sets a TTL too low for the path", "", "", ""},
		{"traceroute -n %SERVER% (a loop shows the same routers again and again); ip route get %SERVER% on the routers named; "
		 "sysctl net.ipv4.ip_default_ttl on the sender", "", "", ""}},
	[F_DNS_FAILURE] = {"dns-failure", SEV_ERROR, 1, "name resolution failed",
		{"the DNS server answered with an error (NXDOMAIN: the name does not exist; SERVFAIL: the resolver or the "
		 "authoritative servers failed; REFUSED: not allowed to ask) or never answered, so the connection never started",
		 "", "", ""},
		{"dig @%SERVER% <name>; dig +trace <name>; check /etc/resolv.conf and the spelling of the name; resolvectl status", "", "", ""}},
	[F_REJECTED_ICMP] = {"rejected-icmp", SEV_ERROR, 1, "connection rejected on the path by ICMP",
		{"a router or firewall answered with an ICMP error (see who sent it and which packet it quotes)", "", "", ""},
		{"nft list ruleset / iptables -L -n -v on the device that sent the ICMP (look for 'reject'); ip route get %SERVER%; "
		 "traceroute -T -p %PORT% %SERVER%", "", "", ""}},
	[F_REFUSED_BY_MIDDLEBOX] = {"refused-by-middlebox", SEV_ERROR, 1, "connection refused by something other than the server",
		{"a firewall or middlebox on the path forged the reset (its hop count or link-layer sender does not fit the server's packets)",
		 "a firewall or middlebox between this client and the server forged the reset (its hop count or link-layer sender does not fit the server's packets)",
		 "a device in front of this host forged the reset", "a device on the path forged the reset"},
		{"nft list ruleset / iptables -L -n -v on routers and firewalls on the path (look for 'reject with tcp reset'); "
		 "traceroute -T -p %PORT% %SERVER%", "", "", ""}},
	[F_REFUSED] = {"refused", SEV_ERROR, 1, "connection refused: RST in answer to SYN",
		{"nothing listens on that port on the server (or the service is down / bound to another address)",
		 "nothing listens on that port on the server (or the service is down / bound to another address)",
		 "nothing listens on that port on this host", "the server answered with a reset: nothing listens on that port"},
		{"on the server: ss -ltnp 'sport = :%PORT%'; systemctl status <service>; check the address the service binds to", "",
		 "ss -ltnp 'sport = :%PORT%'; systemctl status <service>; check the address the service binds to (ip addr, its configuration)", ""}},
	[F_NO_SYNACK] = {"no-synack", SEV_ERROR, 1, "the server received SYNs and never answered",
		{"the SYN reached the server host and no SYN-ACK left it: the listen (SYN) queue is full or SYN cookies are off under a flood, "
		 "a host firewall drops it after the capture point (nftables/iptables INPUT, an application blocklist such as fail2ban or "
		 "hosts.allow), or the destination address is not configured on this host", "", "", ""},
		{"ss -ltn 'sport = :%PORT%' (Recv-Q vs the backlog); nstat -az TcpExtListenOverflows TcpExtListenDrops TcpExtSyncookiesSent; "
		 "sysctl net.ipv4.tcp_max_syn_backlog net.core.somaxconn net.ipv4.tcp_syncookies; nft list ruleset / iptables -L -n -v / ufw status; "
		 "fail2ban-client status; ip addr show | grep %SERVER%", "", "", ""}},
	[F_SYN_UNANSWERED] = {"syn-unanswered", SEV_ERROR, 1, "SYN never answered",
		{"the SYN passed here and no answer came back: the server, or the path beyond this point",
		 "seen from the client, these cannot be told apart: the SYN was lost on the way to the server (firewall, routing), "
		 "the server got it and stayed silent (full backlog, host firewall, wrong address), or the SYN-ACK was lost on the way back",
		 "the SYN arrived and the server stayed silent: listen queue full, host firewall dropping after the capture point, address not configured",
		 "the SYN passed here and no answer came back: the server, or the path beyond this point"},
		{CAP_SRV "; on the server: ss -ltn 'sport = :%PORT%'; nstat -az TcpExtListenOverflows TcpExtListenDrops; "
		 "nft list ruleset / iptables -L -n -v",
		 CAP_SRV "; on the server: ss -ltn 'sport = :%PORT%'; nstat -az TcpExtListenOverflows TcpExtListenDrops; "
		 "nft list ruleset / iptables -L -n -v; ip addr show | grep %SERVER%; here: ip route get %SERVER%",
		 SRV_LISTEN "; nft list ruleset / iptables -L -n -v; ip addr show | grep %SERVER%",
		 CAP_SRV "; traceroute -T -p %PORT% %SERVER% from here"}},
	[F_SYNACK_UNACKED] = {"synack-unacked", SEV_ERROR, 1, "SYN-ACK never acknowledged",
		{"the SYN-ACK passed here and was never acknowledged: lost between here and the client, or dropped at the client",
		 "the SYN-ACK reached this capture point and the client did not acknowledge it: a client-side firewall or a broken client stack",
		 "the server sent SYN-ACKs that the client never acknowledged, and the client kept sending SYNs: the SYN-ACK is lost on the "
		 "return path (routing asymmetry, firewall) or dropped by a firewall at the client",
		 "the SYN-ACK passed here and was never acknowledged: lost between here and the client, or dropped at the client"},
		{CAP_CLI "; check the return route: ip route get %CLIENT% on the server",
		 "nft list ruleset / iptables -L -n -v here (INPUT); conntrack -L | grep %SERVER%; ss -tn state syn-sent",
		 CAP_CLI "; on the client: nft list ruleset / iptables -L -n -v; check the return route: ip route get %CLIENT%",
		 CAP_CLI "; ip route get %CLIENT% on this device"}},
	[F_ACK_LOST] = {"ack-lost", SEV_WARNING, 1, "final handshake ACK lost: the server waited for it",
		{"the client's ACK that completes the handshake never reached the server, which retransmitted its SYN-ACK; the client "
		 "already considered the connection open. With a server-speaks-first protocol (SMTP, FTP, SSH, POP3, IMAP) nothing "
		 "happens until the SYN-ACK is retransmitted (1 s, 3 s, ...)", "", "", ""},
		{CAP_CLI "; ip -s link and tc -s qdisc on the client's side of the path",
		 CAP_SRV "; ip -s link; tc -s qdisc; mtr -T -P %PORT% %SERVER%",
		 CAP_CLI "; nstat -az TcpExtListenOverflows (a full accept queue also ignores the ACK); ip -s link",
		 CAP_CLI}},
	[F_CLIENT_RESET] = {"client-reset", SEV_ERROR, 1, "the client answered the SYN-ACK with a reset",
		{"the client stack rejected the SYN-ACK (its connection attempt was already abandoned, or the SYN-ACK did not match: "
		 "wrong sequence number, NAT rewriting)", "", "", ""},
		{"capture at the client; conntrack -L on NAT devices on the path", "conntrack -L on NAT devices on the path; "
		 "ss -tn state syn-sent; check the client application's connect timeout", "", ""}},
	[F_BAD_SEQ] = {"bad-seq", SEV_ERROR, 1, "nonsensical sequence or acknowledgment numbers",
		{"a middlebox rewrites sequence numbers (sequence randomisation, broken NAT/load balancer) or packets from two connections are mixed",
		 "", "", ""},
		{"capture on both sides of the suspected middlebox and run synack compare; check firewall sequence randomisation settings",
		 "", "", ""}},
	[F_TLS_REJECTED] = {"tls-rejected", SEV_ERROR, 1, "TLS handshake rejected",
		{"the server (or a TLS-inspecting middlebox) refused the ClientHello: no common protocol version or cipher suite, "
		 "an unknown server name (SNI), or a required client certificate", "", "", ""},
		{"openssl s_client -connect %SERVER%:%PORT% -servername <name> (try -tls1_2 / -tls1_3); "
		 "nmap --script ssl-enum-ciphers -p %PORT% %SERVER%; the server's TLS configuration and logs", "", "", ""}},
	[F_APP_RESET] = {"app-reset", SEV_ERROR, 1, "the server accepted the connection and then closed or reset it without answering",
		{"an application-level rejection: the service closed the connection (access control, TLS/protocol mismatch, overload, crash)",
		 "", "", ""},
		{"check the server application's logs; try the request by hand (curl -v / openssl s_client)", "", "", ""}},
	[F_ZERO_WINDOW] = {"zero-window", SEV_WARNING, 1, "receiver window closed (zero window)",
		{"the receiving application does not read fast enough (or at all); the sender must wait", "", "", ""},
		{"on the receiver: ss -tnm (Recv-Q, rcv_space); check the application's read loop; sysctl net.ipv4.tcp_rmem", "", "", ""}},
	[F_EARLY_CLOSE] = {"early-close", SEV_WARNING, 0, "the client closed the connection early",
		{"the client gave up or reset before the response was complete (timeout in the client, user cancel, or data arriving after the client's FIN)",
		 "", "", ""},
		{"check the client's timeouts and logs", "", "", ""}},
	[F_RESPONSE_STALLED] = {"response-stalled", SEV_ERROR, 0, "response stalled: the server went silent mid-answer",
		{"the server started answering and then nothing more arrived: full-size segments lost on the path "
		 "(a path-MTU black hole: a smaller MTU on the way and ICMP 'fragmentation needed' filtered), a stalled "
		 "server, or heavy loss on the way back; a capture at the server shows which", "", 
		 "the server stopped sending mid-answer: the application stalled, or its segments are lost after this point", ""},
		{"test the path MTU: ping -M do -s 1472 %SERVER% from the client (shrink -s until it passes); "
		 CAP_SRV "; on the server: ss -tni dst %CLIENT%",
		 "ping -M do -s 1472 %SERVER% (shrink -s until it passes); " CAP_SRV "; on the server: ss -tni dst %CLIENT%",
		 "ss -tni dst %CLIENT% (retrans, unacked); ping -M do -s 1472 %CLIENT%; the application's logs", ""}},
	[F_RTO_STALL] = {"rto-stall", SEV_ERROR, 0, "transfer stalled by retransmission timeouts",
		{"the same segment is lost again and again: heavy loss, a path that stopped forwarding, or a path-MTU problem", "", "", ""},
		{"ss -tni (retrans, rto); mtr -T -P %PORT% %SERVER%; ping -M do -s 1472 %SERVER% to test the path MTU", "", "", ""}},
	[F_PACKET_LOSS] = {"packet-loss", SEV_WARNING, 0, "packet loss",
		{"segments are lost on the path (congestion, a bad link, a policer) and retransmitted", "", "", ""},
		{"ip -s link; ethtool -S <if> | grep -i -E 'drop|err'; tc -s qdisc; mtr -T -P %PORT% %SERVER%; "
		 "capture at both ends and run " CMP_BOTH " to see which direction loses packets",
		 "ip -s link; tc -s qdisc; mtr -T -P %PORT% %SERVER%; " CAP_SRV " to see which direction loses packets",
		 "ip -s link; ethtool -S <if> | grep -i -E 'drop|err'; tc -s qdisc; mtr -T -P %PORT% %CLIENT%; " CAP_CLI
		 " to see which direction loses packets", ""}},
	[F_WINDOW_FULL] = {"window-full", SEV_WARNING, 0, "sender limited by the receiver's window",
		{"the receive window is too small for the path (bandwidth x delay), or window scaling is missing", "", "", ""},
		{"sysctl net.ipv4.tcp_rmem net.core.rmem_max on the receiver; ss -tni (rcv_space, wscale)", "", "", ""}},
	[F_WSCALE_STRIPPED] = {"wscale-stripped", SEV_WARNING, 1, "window scaling missing on one side",
		{"a middlebox stripped the window scale option, or one stack has it disabled: throughput is capped at 64 KB per RTT", "", "", ""},
		{"sysctl net.ipv4.tcp_window_scaling on both hosts; capture on both sides and run synack compare to see where the option disappears",
		 "", "", ""}},
	[F_SLOW_SERVER] = {"slow-server", SEV_WARNING, 1, "slow server response",
		{"the server took long to answer the request while the network was fast: application think time (database, backend, locks)", "", "", ""},
		{"check the server application's latency and logs; compare with the network RTT shown", "", "", ""}},
	[F_HIGH_RTT] = {"high-rtt", SEV_WARNING, 0, "high round-trip time",
		{"the path is long or congested (queues, bufferbloat), or a host was slow to answer the handshake", "", "", ""},
		{"mtr -T -P %PORT% %SERVER%; ping %SERVER%; tc -s qdisc on the bottleneck", "", "", ""}},
	[F_CAPTURE_LOSS] = {"capture-loss", SEV_WARNING, 1, "the capture itself missed packets",
		{"the capturing machine dropped packets (kernel buffer too small for the rate, slow disk, CPU): gaps in this capture "
		 "are not network loss, and loss figures from it are uncertain", "", "", ""},
		{"capture again with a bigger buffer and less work per packet: tcpdump -B 16384 -s 128 -w file.pcap (write to a fast disk, "
		 "no name resolution: -n); check the drop counter tcpdump prints at the end", "", "", ""}},
};

const char *diag_kind_causes(enum fid k, enum vantage v)
{
	const char *s = diag_kinds[k].causes[v];
	return s && *s ? s : diag_kinds[k].causes[V_UNKNOWN];
}

const char *diag_kind_next(enum fid k, enum vantage v)
{
	const char *s = diag_kinds[k].next[v];
	return s && *s ? s : diag_kinds[k].next[V_UNKNOWN];
}
