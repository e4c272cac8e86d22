#!/usr/bin/env bash
# tests/lab/ttl-loop.sh - a routing loop: the router sends 10.198.3.0/24 to
# the server host (forwarding on), whose route for it points back at the
# router.  The client's SYN to 10.198.3.5 bounces between them, one TTL less
# each hop, until a hop gets it with TTL 1 and answers ICMP time exceeded.
# The server's capture shows the same SYN passing again and again with a
# falling TTL.  Expectations: rows "ttl-loop" of expect-b.tsv (ttl-expired
# first at the client and at the server).
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
lab_sysctl "$LAB_S" net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0 "net.ipv4.conf.$SIF.send_redirects=0"
lab_sysctl "$LAB_R" net.ipv4.conf.all.send_redirects=0 "net.ipv4.conf.$RSIF.send_redirects=0"
ip -n "$LAB_R" route add 10.198.3.0/24 via "$SRV_IP" || die "router loop route failed"
ip -n "$LAB_S" route add 10.198.3.0/24 via "$RTR_SIP" || die "server loop route failed"
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
apps_run "$LAB_C" 10 tcp-connect 10.198.3.5 8080 2.5 && fail "connect into a routing loop succeeded"
apps_cap_stop
n=$("$TCPDUMP" -nn -r "$T/client.pcap" 'icmp[icmptype] == icmp-timxceed' 2>/dev/null | wc -l)
[ "$n" -ge 1 ] || fail "no ICMP time exceeded reached the client"
n=$("$TCPDUMP" -nn -r "$T/server.pcap" 'tcp and dst host 10.198.3.5' 2>/dev/null | wc -l)
[ "$n" -ge 20 ] || fail "the server's capture shows the looping SYN only $n times"
apps_expect ttl-loop client
apps_expect ttl-loop server
apps_finish
