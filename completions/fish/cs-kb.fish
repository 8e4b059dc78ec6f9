# fish completion for cs-kb(1).  The words come from the binary:
# "cs-kb __complete" lists the commands, "__complete SUB" a command's
# options, "__complete SUB --OPT" the values of an option (categories, tags
# and owners from the database); article ids come from "cs-kb list": those
# in review for approve and reject, drafts for submit, published ones for
# vote, all for the others.
#
# The rule for option values: when the word before the cursor is an option
# that takes a value (its line in "cs-kb SUB --help" shows a metavariable,
# as in "--tag TAG"), the words that "__complete SUB --OPT" prints are
# offered.  When it prints "@file", or prints nothing for a FILE or PATH
# metavariable, file names are offered; when it prints nothing otherwise
# (free text such as --note, or values from a database that is not there),
# nothing is.  Everything the binary says on stderr is dropped: with no
# database the completion is silent.

function __cs_kb_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd $words[1]
    set -l prev $words[-1]
    set -l sub
    set -l db
    # The command is the first word that is neither an option nor the
    # value of a common option (those of cs_common_opts that take one).
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case --db
                set i (math $i + 1)
                set -q words[$i]; and set db --db $words[$i]
            case -f --format --lang --actor --now
                set i (math $i + 1)
            case '-*'
            case '*'
                test -z "$sub"; and set sub $words[$i]
        end
        set i (math $i + 1)
    end

    if test (count $words) -gt 1; and string match -qr -- '^-.' $prev
        # Common options read the same in every command's help.
        set -l s $sub
        if test -z "$s" -o "$s" = help
            set s ($cmd __complete 2>/dev/null)[1]
        end
        for l in ($cmd $s --help 2>/dev/null | string replace -rf -- \
                '^  (?:-(.), )?(--[a-z-]+) ([^ ]+) .*' '-$1 $2 $3')
            set -l o (string split ' ' -- $l)
            if contains -- $prev $o[1..2]
                set -l vals ($cmd $db __complete $s $o[2] 2>/dev/null)
                if test "$vals[1]" = @file
                    or begin
                        not set -q vals[1]; and contains -- $o[3] FILE PATH
                    end
                    __fish_complete_path $cur
                else
                    printf '%s\n' $vals
                end
                return
            end
        end
    end

    if test -z "$sub"
        if string match -q -- '-*' $cur
            printf '%s\n' --db --help --version
        else
            $cmd __complete 2>/dev/null
        end
        return
    end
    if string match -q -- '-*' $cur
        $cmd __complete $sub 2>/dev/null
        return
    end
    switch $sub
        case show edit history diff archive
            $cmd $db list -f csv --no-header 2>/dev/null | string split -f1 ,
        case submit
            $cmd $db list --status draft -f csv --no-header 2>/dev/null |
                string split -f1 ,
        case approve reject
            $cmd $db list --status review -f csv --no-header 2>/dev/null |
                string split -f1 ,
        case vote
            $cmd $db list --status published -f csv --no-header 2>/dev/null |
                string split -f1 ,
        case import export
            __fish_complete_path $cur
        case help
            $cmd __complete 2>/dev/null
        case '*'
            $cmd __complete $sub 2>/dev/null
    end
end

complete -c cs-kb -f -a '(__cs_kb_complete)'
