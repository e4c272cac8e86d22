/*
 * snmp_mib.h - tcpdump's compiled-in MIB tree (print/snmp_mib.c), used by
 * print/snmp.c to name object identifiers when -n is not given.
 * Node k's children are snmp_mib[first .. first + nchildren - 1].
 */
#ifndef SYNACK_PRINT_SNMP_MIB_H
#define SYNACK_PRINT_SNMP_MIB_H

#include <stdint.h>

struct snmp_mib_node {
	uint8_t subid;
	uint16_t first, nchildren;
	const char *name;
};

extern const struct snmp_mib_node snmp_mib[];
/* nodes 0 .. snmp_mib_roots - 1 are the top level (iso) */
extern const unsigned snmp_mib_roots;
/* the nodes tcpdump abbreviates as "", "E:", "X:" and "S:" */
extern const unsigned snmp_mib_mib, snmp_mib_enterprises, snmp_mib_experimental, snmp_mib_snmpModules;

#endif
