# fish completion for cs(1) and every cs-NAME(1), one file for all.  fish
# loads vendor_completions.d/COMMAND.fish when COMMAND is first completed,
# so the file is installed under the name of each; it registers
# __cs_complete for all of them at once.
#
# The words come from the binary: "cs-NAME __complete" lists the commands,
# "__complete SUB" a command's options, "__complete SUB --OPT" the values of
# an option (agents, teams, skills, types, segments, tags, categories, ...
# from the database), so they follow the option tables of the code.
# Records themselves (customers, tickets, revisit tasks) are not offered: a
# database holds thousands of them, and one is named by the id, code or
# phone that the user has in front of them.  Agents' logins and article ids
# are, from "cs-agent list" and "cs-kb list".
#
# The rule for option values: when the word before the cursor is an option
# that takes a value (its line in "cs-NAME SUB --help" shows a
# metavariable, as in "--type TYPE"), the words that "__complete SUB --OPT"
# prints are offered.  When it prints "@file", or prints nothing for a FILE
# or PATH metavariable, file names are offered; when it prints nothing
# otherwise (free text such as --note, or values from a database that is
# not there), nothing is.  Everything the binary says on stderr is dropped:
# with no database the completion is silent.  A --db on the line is passed
# on in CS_DB, which every binary reads.
#
# Operands are counted after skipping the options and the values of those
# that take one, as "SUB --help" lists them; what each command takes is in
# __cs_operand.  cs-report is apart (__cs_report): "show" is implied there.
#
# The front command: "cs" and "cs help" offer the commands that "cs
# __complete" names; "cs NAME ..." completes as "cs-NAME ..." does, asking
# "cs NAME __complete ...", so that the binary asked is the one cs runs.
#
# The helpers see the variables of __cs_complete (--no-scope-shadowing):
# cmd, words, cur, prev, name, sub, ops, valued and db, the path of --db.

# The options of SUB that take a value: "-s --long META" (- without a
# short form).
function __cs_options --no-scope-shadowing
    $cmd $argv[1] --help 2>/dev/null | string replace -rf -- \
        '^  (?:-(.), )?(--[a-z-]+) ([^ ]+) .*' '-$1 $2 $3'
end

# The operands from word FROM to the cursor, into $ops.
function __cs_operands --no-scope-shadowing
    set ops
    set -l i $argv[1]
    while test $i -le (count $words)
        if test "$words[$i]" = --db
            set i (math $i + 1)
            set -q words[$i]; and set db $words[$i]
        else if contains -- $words[$i] $valued
            set i (math $i + 1)
        else if not string match -qr -- '^-.' $words[$i]
            set -a ops $words[$i]
        end
        set i (math $i + 1)
    end
end

# The values of option $prev of SUB; false if it takes none.
function __cs_value --no-scope-shadowing
    string match -qr -- '^-.' $prev; or return 1
    for l in (__cs_options $argv[1])
        set -l o (string split ' ' -- $l)
        if contains -- $prev $o[1..2]
            set -l vals ($cmd __complete $argv[1] $o[2] 2>/dev/null)
            if test "$vals[1]" = @file
                or begin
                    not set -q vals[1]; and contains -- $o[3] FILE PATH
                end
                __fish_complete_path $cur
            else
                printf '%s\n' $vals
            end
            return 0
        end
    end
    return 1
end

function __cs_periods
    printf '%s\n' this-week last-week this-month last-month this-quarter \
        last-quarter this-year last-year
end

# The operands of command $sub of binary $name: $ops before the cursor.
function __cs_operand --no-scope-shadowing
    switch "$name:$sub:"(count $ops)":$ops[1]"
        case '*:help:*'
            $cmd __complete 2>/dev/null
        # files
        case 'cs-agent:import:*' 'cs-customer:import:*' 'cs-db:backup:*' \
            'cs-db:restore:*' 'cs-kb:import:*' 'cs-kb:export:*' \
            'cs-revisit:plan:*' 'cs-revisit:import:*' 'cs-ticket:import:*' \
            cs-ticket:calendar:1:import
            __fish_complete_path $cur

        # the metrics of the scorecard (cs_scorecard_metrics in
        # common/qa.c; tests/cli/t0810 checks the list)
        case 'cs-agent:target:0:*'
            printf '%s\n' list set rm
        case cs-agent:target:1:set cs-agent:target:1:rm
            printf '%s\n' resolved first_response_median_h \
                resolution_median_h sla_met_pct reopen_rate csat_mean \
                qa_reviews qa_score_mean revisits_finished \
                revisit_success_rate
        case 'cs-agent:target:*'
        case 'cs-agent:show:*' 'cs-agent:update:*' 'cs-agent:leave:*' \
            'cs-agent:activate:*' 'cs-agent:deactivate:*'
            $cmd list -f csv --no-header 2>/dev/null | string split -f1 ,

        # a customer: an id, code or phone typed by the user
        case 'cs-customer:show:*' 'cs-customer:update:*' 'cs-customer:tag:*' \
            'cs-customer:invalidate:*' 'cs-customer:revalidate:*' \
            'cs-customer:merge:*' 'cs-customer:erase:*'

        # articles: drafts to submit, those in review to approve or reject,
        # published ones to vote on, all for the others
        case 'cs-kb:show:*' 'cs-kb:edit:*' 'cs-kb:history:*' 'cs-kb:diff:*' \
            'cs-kb:archive:*' 'cs-kb:submit:*' 'cs-kb:approve:*' \
            'cs-kb:reject:*' 'cs-kb:review:*' 'cs-kb:publish:*' 'cs-kb:vote:*'
            set -l st
            switch $sub
                case submit review
                    set st --status draft
                case approve publish reject
                    set st --status review
                case vote
                    set st --status published
            end
            $cmd list $st -f csv --no-header 2>/dev/null |
                string split -f1 ,

        # "reassign ID... LOGIN"; a task id is typed by the user
        case 'cs-revisit:reassign:0:*' 'cs-revisit:log:*' 'cs-revisit:cancel:*'
        case 'cs-revisit:reassign:*'
            $cmd __complete list --agent 2>/dev/null
        case 'cs-revisit:summary:0:*'
            __cs_periods
            printf '%s\n' today yesterday
        case 'cs-revisit:summary:*'

        # second command words, then types and priorities (sla set/rm),
        # weekdays (calendar hours), forms (qa-form list); "sample" a
        # period; "assign ID... LOGIN"
        case 'cs-ticket:sla:0:*'
            printf '%s\n' list set rm
        case cs-ticket:sla:1:set cs-ticket:sla:1:rm cs-ticket:type:1:set \
            cs-ticket:type:1:add
            $cmd __complete new --type 2>/dev/null
        case cs-ticket:sla:2:set cs-ticket:sla:2:rm
            $cmd __complete new --priority 2>/dev/null
        case 'cs-ticket:calendar:0:*'
            printf '%s\n' list holiday workday rm hours import
        case cs-ticket:calendar:1:hours
            printf '%s\n' mon-fri mon tue wed thu fri sat sun sat-sun
        case cs-ticket:calendar:2:hours
            printf '%s\n' off 09:00-18:00 09:00-12:00,13:30-18:00
        case 'cs-ticket:type:0:*' 'cs-ticket:qa-form:0:*'
            printf '%s\n' list set
        case cs-ticket:qa-form:1:list
            $cmd __complete review --form 2>/dev/null
        case 'cs-ticket:sample:0:*'
            $cmd __complete list --created 2>/dev/null
        case 'cs-ticket:assign:0:*' 'cs-ticket:sla:*' 'cs-ticket:calendar:*' \
            'cs-ticket:type:*' 'cs-ticket:qa-form:*' 'cs-ticket:sample:*' \
            'cs-ticket:review:*'
        case 'cs-ticket:assign:*'
            $cmd __complete new --assign 2>/dev/null
        case 'cs-ticket:new:*' 'cs-ticket:show:*' 'cs-ticket:comment:*' \
            'cs-ticket:reply:*' 'cs-ticket:start:*' 'cs-ticket:pend:*' \
            'cs-ticket:resolve:*' 'cs-ticket:close:*' 'cs-ticket:reopen:*' \
            'cs-ticket:escalate:*' 'cs-ticket:rate:*' 'cs-ticket:link:*'
        case 'cs-ticket:update:*'

        case '*'
            $cmd __complete $sub 2>/dev/null
    end
end

# cs-report: "show" is implied, so the first operand is the command "show",
# "scorecard" or "help", or a period.  The named periods are offered there
# (weekly, monthly, ...; 2026-W47 and the like are typed), and after "show"
# and "scorecard".  The options of "show" are offered anywhere, as
# "cs-report --section csat weekly" works too.
function __cs_report --no-scope-shadowing
    set valued (__cs_options show | string split -f1,2 ' ' |
        string match -v -- -)
    __cs_operands 2
    set -q db[1]; and set -lx CS_DB $db
    __cs_value show; and return
    if string match -q -- '-*' $cur
        switch (count $ops)":$ops[1]"
            case '0:*'
                $cmd __complete show 2>/dev/null
                echo --version
            case '*:scorecard'
                $cmd __complete scorecard 2>/dev/null
            case '*:help'
            case '*'
                $cmd __complete show 2>/dev/null
        end
        return
    end
    switch (count $ops)":$ops[1]"
        case '0:*'
            $cmd __complete 2>/dev/null
            printf '%s\n' weekly monthly quarterly yearly
            __cs_periods
        case 1:show 1:scorecard
            printf '%s\n' weekly monthly quarterly yearly
            __cs_periods
        case 1:help
            $cmd __complete 2>/dev/null
    end
end

function __cs_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd $words[1]
    set -l name (string replace -r '.*/' '' -- $cmd)
    set -l prev
    set -l sub
    set -l at 0
    set -l ops
    set -l valued
    set -l db

    if test "$name" = cs
        if test (count $words) -eq 1
            or test (count $words) -eq 2 -a "$words[2]" = help
            if string match -q -- '-*' $cur
                test (count $words) -eq 1; and printf '%s\n' --help --version
            else
                $cmd __complete 2>/dev/null
            end
            return
        end
        string match -qr -- '^(help|-.*)$' $words[2]; and return
        set cmd $cmd $words[2]
        set name cs-$words[2]
        set words $name $words[3..-1]
    end
    set prev $words[-1]
    if test "$name" = cs-report
        __cs_report
        return
    end

    # The command is the first word that is neither an option nor the
    # value of a common option (those of cs_common_opts that take one).
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case --db
                set i (math $i + 1)
                set -q words[$i]; and set db $words[$i]
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
    set -q db[1]; and set -lx CS_DB $db

    if string match -qr -- '^-.' $prev
        # Common options read the same in every command's help.
        set -l s $sub
        if test -z "$s" -o "$s" = help
            set s ($cmd __complete 2>/dev/null)[1]
        end
        __cs_value $s; and return
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
    # Operands are counted (one more run of the binary) only where what
    # is offered depends on them.
    switch $name:$sub
        case cs-agent:target 'cs-revisit:*' 'cs-ticket:*'
            set valued (__cs_options $sub | string split -f1,2 ' ' |
                string match -v -- -)
            __cs_operands (math $at + 1)
    end
    __cs_operand
end

for c in cs cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket
    # loaded again under another name: once is enough
    complete -c $c -e
    complete -c $c -f -a '(__cs_complete)'
end
