# fish completion for cs-ticket(1).  The words come from the binary:
# "cs-ticket __complete" lists the commands, "__complete SUB" a command's
# options, "__complete SUB --OPT" the values of an option (types, agents,
# categories, stages and root causes from the database).  Tickets and
# customers themselves are not offered: a database holds thousands of
# them, and one is named by the id, code or phone that the user has in
# front of them.
#
# The rule for option values: when the word before the cursor is an option
# that takes a value (its line in "cs-ticket SUB --help" shows a
# metavariable, as in "--type TYPE"), the words that "__complete SUB --OPT"
# prints are offered.  When it prints "@file", or prints nothing for a FILE
# or PATH metavariable, file names are offered; when it prints nothing
# otherwise (free text such as --note, or values from a database that is
# not there), nothing is.  Everything the binary says on stderr is dropped:
# with no database the completion is silent.
#
# Operands: "sla", "calendar", "type" and "qa-form" take a second command
# word ("qa-form list" then a form), "sample" a period; "sla", "calendar"
# and "type" then
# types and priorities (sla set/rm), weekdays (calendar hours) or a file
# (calendar import); "assign ID... LOGIN" offers agents after the first id;
# "import" takes a file.  Operands are counted after skipping the options
# and the values of those that take one, as "SUB --help" lists them.

function __cs_ticket_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd $words[1]
    set -l prev $words[-1]
    set -l sub
    set -l at 0
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
                if test -z "$sub"
                    set sub $words[$i]
                    set at $i
                end
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

    # The operands before the cursor, without options and their values.
    set -l valued ($cmd $sub --help 2>/dev/null | string replace -rf -- \
        '^  (?:-(.), )?(--[a-z-]+) ([^ ]+) .*' '-$1 $2' | string split ' ' |
        string match -v -- -)
    set -l ops
    set i (math $at + 1)
    while test $i -le (count $words)
        if contains -- $words[$i] $valued
            set i (math $i + 1)
        else if not string match -qr -- '^-.' $words[$i]
            set -a ops $words[$i]
        end
        set i (math $i + 1)
    end
    set -l first $ops[1]

    switch "$sub:"(count $ops)":$first"
        case 'sla:0:*'
            printf '%s\n' list set rm
        case sla:1:set sla:1:rm type:1:set type:1:add
            $cmd $db __complete new --type 2>/dev/null
        case sla:2:set sla:2:rm
            $cmd __complete new --priority 2>/dev/null
        case 'calendar:0:*'
            printf '%s\n' list holiday workday rm hours import
        case calendar:1:import
            __fish_complete_path $cur
        case calendar:1:hours
            printf '%s\n' mon-fri mon tue wed thu fri sat sun sat-sun
        case calendar:2:hours
            printf '%s\n' off 09:00-18:00 09:00-12:00,13:30-18:00
        case 'type:0:*'
            printf '%s\n' list set
        case 'qa-form:0:*'
            printf '%s\n' list set
        case qa-form:1:list
            $cmd $db __complete review --form 2>/dev/null
        case 'sample:0:*'
            $cmd __complete list --created 2>/dev/null
        case 'assign:0:*' 'sla:*' 'calendar:*' 'type:*' 'qa-form:*' \
            'sample:*' 'review:*'
        case 'assign:*'
            $cmd $db __complete new --assign 2>/dev/null
        case 'new:*' 'show:*' 'comment:*' 'reply:*' 'start:*' 'pend:*' \
            'resolve:*' 'close:*' 'reopen:*' 'escalate:*' 'rate:*' 'link:*'
            # a customer or a ticket: typed by the user
        case 'import:*'
            __fish_complete_path $cur
        case 'help:*'
            $cmd __complete 2>/dev/null
        case '*'
            $cmd __complete $sub 2>/dev/null
    end
end

complete -c cs-ticket -f -a '(__cs_ticket_complete)'
