# bash completion for synack                                  -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/synack (make install,
# the Debian package); or source it:  . completion/synack.bash
# Completes subcommands, options (per subcommand), interface names after -i
# (from /sys/class/net, plus "any"), files after -r/-w/-F/-o/-V, and the
# fixed values of -Q, --time-stamp-precision and graph kinds.  Needs nothing
# from the bash-completion package.

_synack_interfaces()
{
    local d
    for d in /sys/class/net/*; do
        [ -e "$d" ] && printf '%s\n' "${d##*/}"
    done
    echo any
}

_synack()
{
    local cur prev cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    local subcmds="diagnose conns compare report graph help"
    local tcpdump_opts="-A -AA -B -c -C -d -dd -ddd -D -e -F -G -h -i -K -l -L -n -nn -N -p -q -Q -r -s -S
        -t -tt -ttt -tttt -ttttt -u -U -v -vv -vvv -w -W -x -xx -X -XX -y -Z -#
        --count --immediate-mode --time-stamp-precision= --nano --micro --version --help
        --print --analyze --json --format= --community-id-seed= --direction= --buffer-size= --interface= --list-interfaces
        --list-data-link-types --linktype= --snapshot-length= --no-promiscuous-mode
        --relinquish-privileges= --number --dont-verify-checksums --packet-buffered"
    local filter_words="host net port portrange src dst ether ip ip6 arp tcp udp icmp icmp6
        and or not less greater vlan proto tcp[tcpflags] tcp-syn tcp-ack tcp-rst tcp-fin"

    # the subcommand, if any: the first word when it is one
    cmd=
    if [ "$COMP_CWORD" -gt 1 ]; then
        case ${COMP_WORDS[1]} in
            diagnose | conns | compare | report | graph | help) cmd=${COMP_WORDS[1]} ;;
        esac
    fi

    # the value of the option before the cursor
    case $prev in
        -i | --interface)
            mapfile -t COMPREPLY < <(compgen -W "$(_synack_interfaces)" -- "$cur")
            return 0 ;;
        -r | -w | -F | -V | -o)
            type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0 ;;
        -Q | --direction)
            mapfile -t COMPREPLY < <(compgen -W "in out inout" -- "$cur")
            return 0 ;;
        --time-stamp-precision)
            mapfile -t COMPREPLY < <(compgen -W "micro nano" -- "$cur")
            return 0 ;;
        -Z | --relinquish-privileges)
            mapfile -t COMPREPLY < <(compgen -u -- "$cur")
            return 0 ;;
        -B | -c | -C | -G | -s | -W | -y | --conn | --window | --buffer-size | --snapshot-length | --linktype)
            return 0 ;;   # a number or a name we cannot guess
    esac
    case $cur in
        --interface=*)
            mapfile -t COMPREPLY < <(compgen -P "--interface=" -W "$(_synack_interfaces)" -- "${cur#--interface=}")
            return 0 ;;
        --time-stamp-precision=*)
            mapfile -t COMPREPLY < <(compgen -P "--time-stamp-precision=" -W "micro nano" -- "${cur#*=}")
            return 0 ;;
        --direction=*)
            mapfile -t COMPREPLY < <(compgen -P "--direction=" -W "in out inout" -- "${cur#*=}")
            return 0 ;;
    esac

    case $cmd in
        help)
            [ "$COMP_CWORD" -eq 2 ] && mapfile -t COMPREPLY < <(compgen -W "diagnose conns compare report graph" -- "$cur")
            return 0 ;;
        graph)
            if [ "$COMP_CWORD" -eq 2 ]; then
                mapfile -t COMPREPLY < <(compgen -W "tsg throughput rtt inflight ladder" -- "$cur")
                return 0
            fi
            if [[ $cur == -* ]]; then
                mapfile -t COMPREPLY < <(compgen -W "-r --conn -o -h --help" -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -W "$filter_words" -- "$cur")
            fi
            return 0 ;;
        report)
            if [[ $cur == -* ]]; then
                mapfile -t COMPREPLY < <(compgen -W "-r -o -h --help" -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -W "$filter_words" -- "$cur")
            fi
            return 0 ;;
        compare)
            if [[ $cur == -* ]]; then
                mapfile -t COMPREPLY < <(compgen -W "--json --ladder --ladder= --window -n -h --help" -- "$cur")
            else
                # capture files first, then a filter
                type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            fi
            return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$tcpdump_opts" -- "$cur")
        [[ ${COMPREPLY[*]} == *= ]] && type compopt >/dev/null 2>&1 && compopt -o nospace 2>/dev/null
        return 0
    fi
    if [ "$COMP_CWORD" -eq 1 ]; then
        mapfile -t COMPREPLY < <(compgen -W "$subcmds $filter_words" -- "$cur")
        return 0
    fi
    mapfile -t COMPREPLY < <(compgen -W "$filter_words" -- "$cur")
    return 0
}
complete -F _synack synack
