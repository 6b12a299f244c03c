# fish completion for smtpcode(1). Install as smtpcode.fish in a directory
# on $fish_complete_path (e.g. ~/.config/fish/completions).

# The codes smtpcode knows (smtpcode list --codes-only), or nothing if
# smtpcode is not installed or cannot list them.
# When the token starts with a class and a dot (5.1. or x.7.2), the
# enhanced codes (listed as X.1.1) are given with that class.
function __smtpcode_codes
    command -q smtpcode; or return 0
    set -l codes (command smtpcode list --codes-only 2>/dev/null </dev/null)
    or return 0
    set -l token (commandline -ct)
    if string match -qr '^[245xX][.]' -- $token
        set -l cls (string sub -l 1 -- $token)
        set codes (string match -r '^X[.].*' -- $codes | string replace -r '^X' $cls)
    end
    printf '%s\n' $codes
end

# True when the command line (before the cursor) has no operand yet: the
# next operand may be a subcommand or the first code.
function __smtpcode_no_operand
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    for w in $words
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case --
                return 1
            case -a --after --lang --color --top
                set skip 1
            case '-?*'
            case '*'
                return 1
        end
    end
    return 0
end

# True when codes may come next: no subcommand, or compare with fewer than
# two codes so far.
function __smtpcode_wants_code
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    set -l dashdash 0
    set -l sub
    set -l n 0
    for w in $words
        if test $skip = 1
            set skip 0
            continue
        end
        if test $dashdash = 0
            switch $w
                case --
                    set dashdash 1
                    continue
                case -a --after --lang --color --top
                    set skip 1
                    continue
                case '-?*'
                    continue
            end
        end
        if test $n = 0; and test -z "$sub"; and test $dashdash = 0
            and contains -- $w compare explain scan list search help
            set sub $w
            continue
        end
        set n (math $n + 1)
    end
    switch "$sub"
        case ''
            return 0
        case compare
            test $n -lt 2
            return
    end
    return 1
end

complete -c smtpcode -f

# Subcommands, as the first operand.
complete -c smtpcode -n __smtpcode_no_operand -a compare -d 'Two codes side by side'
complete -c smtpcode -n __smtpcode_no_operand -a explain -d 'Explain the replies in a bounce or log text'
complete -c smtpcode -n __smtpcode_no_operand -a scan -d 'Count the replies in whole mail logs'
complete -c smtpcode -n __smtpcode_no_operand -a list -d 'List the codes smtpcode knows'
complete -c smtpcode -n __smtpcode_no_operand -a search -d 'Find codes by words in their meaning'
complete -c smtpcode -n __smtpcode_no_operand -a help -d 'Show the help'

# Codes: with no subcommand, and for compare.
complete -c smtpcode -n __smtpcode_wants_code -a '(__smtpcode_codes)' -d Code

# scan reads files.
complete -c smtpcode -n '__fish_seen_subcommand_from scan' -F

# Options, anywhere.
complete -c smtpcode -s j -l json -d 'One JSON object per result, one per line'
complete -c smtpcode -n 'not __fish_seen_subcommand_from explain scan' -s a -l after -x -a 'CONNECT HELO EHLO LHLO MAIL RCPT DATA BDAT RSET VRFY EXPN HELP NOOP QUIT STARTTLS AUTH ETRN ATRN TURN BURL' -d 'Only the meaning as a reply to CMD'
complete -c smtpcode -l lang -x -a 'en es vi tr de fr pt ja' -d 'Language of the explanations'
complete -c smtpcode -l color -x -a 'auto always never' -d 'When to colour the output'
complete -c smtpcode -n '__fish_seen_subcommand_from scan' -l top -x -d 'Rows by recipient domain and by relay'
complete -c smtpcode -n '__fish_seen_subcommand_from scan' -l merge -d 'Sum scan --json summaries'
# --brief, --codes-only, --full: not with compare or scan.
complete -c smtpcode -n 'not __fish_seen_subcommand_from compare scan' -l brief -d 'One line per code, or per reply of explain'
complete -c smtpcode -n 'not __fish_seen_subcommand_from compare scan' -l codes-only -d 'Print only the codes'
complete -c smtpcode -n 'not __fish_seen_subcommand_from compare scan' -l full -d 'Whole entries; explain: with each code\'s entry'
complete -c smtpcode -n '__fish_seen_subcommand_from list' -l basic -d 'Only the three-digit reply codes'
complete -c smtpcode -n '__fish_seen_subcommand_from list' -l enhanced -d 'Only the enhanced status codes'
complete -c smtpcode -s h -l help -d 'Show the help and exit'
complete -c smtpcode -s V -l version -d 'Show the version and exit'
