# bash completion for smtpcode(1)                          -*- shell-script -*-
#
# Install as /usr/share/bash-completion/completions/smtpcode (bash-completion
# loads it on demand), or source it from ~/.bashrc. Works with or without
# the bash-completion package.
# shellcheck disable=SC2207  # COMPREPLY=($(compgen ...)), split on IFS

# The SMTP commands --after accepts and the languages --lang accepts.
_smtpcode_after_cmds='CONNECT HELO EHLO LHLO MAIL RCPT DATA BDAT RSET VRFY EXPN HELP NOOP QUIT STARTTLS AUTH ETRN ATRN TURN BURL'
_smtpcode_langs='en es vi tr de fr pt ja'

# Prints the codes smtpcode knows, one per line, or nothing if smtpcode is
# not installed or cannot list them. Runs the command being completed when
# it is a path to an executable (./smtpcode), else smtpcode from PATH. When
# the word being completed ($2) starts with a class and a dot (5.1. or
# x.7.2), the enhanced codes (listed as X.1.1) are given with that class.
_smtpcode_codes()
{
    local cmd=${1:-smtpcode} cur=${2-} out
    if [[ $cmd != */* || ! -x $cmd || -d $cmd ]]; then
        cmd=smtpcode
        command -v "$cmd" > /dev/null 2>&1 || return 0
    fi
    out=$(command "$cmd" list --codes-only 2> /dev/null < /dev/null) || return 0
    case $cur in
        [245xX].*) out=$(printf '%s\n' "$out" | sed -n "s/^X\\./${cur:0:1}./p") ;;
    esac
    printf '%s\n' "$out"
}

# COMPREPLY from the words in $1 that start with $2; retried in upper case
# so that "--after r" offers RCPT.
_smtpcode_words()
{
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -W "$1" -- "$2"))
    if [[ ${#COMPREPLY[@]} -eq 0 && -n $2 ]]; then
        COMPREPLY=($(compgen -W "$1" -- "$(printf '%s' "$2" | tr '[:lower:]' '[:upper:]')"))
    fi
}

_smtpcode()
{
    local cur prev words cword
    if declare -F _init_completion > /dev/null 2>&1; then
        _init_completion -n = || return
    else
        # No bash-completion: rejoin "--lang", "=", "de" (COMP_WORDBREAKS
        # splits at =) into one word, as _init_completion -n = does.
        local k
        words=()
        cword=0
        for ((k = 0; k < ${#COMP_WORDS[@]}; k++)); do
            if [[ ${COMP_WORDS[k]} == = && ${#words[@]} -gt 0 &&
                ${words[${#words[@]} - 1]} == --* && ${words[${#words[@]} - 1]} != *=* ]]; then
                words[${#words[@]} - 1]+='='
                ((k == COMP_CWORD)) && cword=$((${#words[@]} - 1))
                if ((k < COMP_CWORD)) && [[ ${COMP_WORDS[k + 1]+set} ]]; then
                    ((k++))
                    words[${#words[@]} - 1]+=${COMP_WORDS[k]}
                    ((k == COMP_CWORD)) && cword=$((${#words[@]} - 1))
                fi
            else
                words+=("${COMP_WORDS[k]}")
                ((k == COMP_CWORD)) && cword=$((${#words[@]} - 1))
            fi
        done
        ((COMP_CWORD >= ${#COMP_WORDS[@]})) && { words+=(""); cword=$((${#words[@]} - 1)); }
        cur=${words[cword]}
        prev=
        ((cword > 0)) && prev=${words[cword - 1]}
    fi

    # Walk the words before the cursor: the subcommand (the first operand,
    # if it names one), how many operands follow it, whether "--" was seen.
    local i w sub='' nargs=0 operand=0 dashdash=0 takes_value=0
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if ((takes_value)); then
            takes_value=0
            continue
        fi
        if ((!dashdash)) && [[ $w == -- ]]; then
            dashdash=1
        elif ((!dashdash)) && [[ $w == -?* ]]; then
            case $w in
                -a | --after | --lang | --color | --top) takes_value=1 ;;
            esac
        elif ((!operand)); then
            operand=1
            case $w in
                compare | explain | scan | list | search | help)
                    ((dashdash)) || { sub=$w; continue; } ;;
            esac
            nargs=1
        else
            nargs=$((nargs + 1))
        fi
    done

    # The value of an option, given as the next word.
    if ((takes_value)); then
        case $prev in
            -a | --after) _smtpcode_words "$_smtpcode_after_cmds" "$cur" ;;
            --lang) _smtpcode_words "$_smtpcode_langs" "$cur" ;;
            --color) _smtpcode_words "auto always never" "$cur" ;;
            --top) ;;
        esac
        return 0
    fi

    if ((!dashdash)); then
        case $cur in
            --after=* | --lang=* | --color=*)
                local opt=${cur%%=*} val=${cur#*=} list
                case $opt in
                    --after) list=$_smtpcode_after_cmds ;;
                    --lang) list=$_smtpcode_langs ;;
                    --color) list="auto always never" ;;
                esac
                _smtpcode_words "$list" "$val"
                # Without bash-completion, = may split the word: complete
                # the value alone unless the word is whole.
                if [[ ${COMP_WORDS[COMP_CWORD]} == "$cur" ]]; then
                    local j
                    for j in "${!COMPREPLY[@]}"; do
                        COMPREPLY[j]=$opt=${COMPREPLY[j]}
                    done
                fi
                return 0
                ;;
            -*)
                local opts="-j --json --lang --lang= --color --color= -h --help
                    -V --version --"
                # --after: not with explain or scan (they read the command).
                [[ $sub == explain || $sub == scan ]] || opts+=" -a --after --after="
                # --brief, --codes-only, --full: not with compare or scan.
                [[ $sub == compare || $sub == scan ]] || opts+=" --brief --codes-only --full"
                [[ $sub == scan ]] && opts+=" --top --merge"
                [[ $sub == list ]] && opts+=" --basic --enhanced"
                local IFS=$' \t\n'
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
                [[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2> /dev/null
                return 0
                ;;
        esac
    fi

    local IFS=$'\n'
    case $sub in
        scan)
            if declare -F _filedir > /dev/null 2>&1; then
                _filedir
            else
                compopt -o filenames 2> /dev/null
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        compare)
            ((nargs < 2)) && COMPREPLY=($(compgen -W "$(_smtpcode_codes "${words[0]}" "$cur")" -- "$cur"))
            ;;
        explain | list | search | help) ;;
        *)
            if ((!operand && !dashdash)); then
                COMPREPLY=($(compgen -W "compare${IFS}explain${IFS}scan${IFS}list${IFS}search${IFS}help${IFS}$(_smtpcode_codes "${words[0]}" "$cur")" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$(_smtpcode_codes "${words[0]}" "$cur")" -- "$cur"))
            fi
            ;;
    esac
    return 0
} &&
    complete -F _smtpcode smtpcode

# ex: filetype=sh
