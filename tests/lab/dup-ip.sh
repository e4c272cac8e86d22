#!/usr/bin/env bash
# tests/lab/dup-ip.sh - two hosts own the same address.  The server segment is
# an L2 hub (a bridge that floods every frame) with the router, the server
# (10.198.2.2, a web server on 8080) and a second host configured with the
# SAME address 10.198.2.2 (IPv4 has no duplicate address detection; nothing
# listens there).  The router's neighbour cache is flushed before each of a
# few connection attempts, so both hosts answer each ARP request; the
# connections land on one or the other (the other one refuses them).
# Expectations: row "dup-ip" of expect-b.tsv (server: duplicate-ip first).
# timeout: 150
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/lib-apps.bash"
lab_need
lab_up
apps_hub_up "$SRV_IP"
lab_serve http 8080
wait_for 20 0.2 ip netns exec "$LAB_C" ping -c1 -W1 "$SRV_IP" || die "no path to $SRV_IP through the hub"
apps_cap_start client "$LAB_C" "$CIF"
apps_cap_start server "$LAB_S" "$SIF"
sleep 0.3
for i in 1 2 3 4; do
    ip -n "$LAB_R" neigh flush dev "$RSIF"
    LAB_CLIENT_FOR=4 lab_client get "$SRV_IP" 8080 3
    sleep 0.3
done
# the second host speaks up by itself too (its ARP request names 10.198.2.2)
ip -n "$LAB_S2" neigh flush dev "$S2IF"
ip netns exec "$LAB_S2" ping -c1 -W1 "$RTR_SIP" >/dev/null 2>&1
apps_cap_stop
n=$("$TCPDUMP" -nn -e -r "$T/server.pcap" 'arp[6:2] == 2 and arp[14:4] == 0x0ac60202' 2>/dev/null | awk '{print $2}' | sort -u | wc -l)
[ "$n" -ge 2 ] || fail "the server's capture does not show ARP replies for $SRV_IP from two MACs ($n)"
apps_expect dup-ip server
apps_finish
