# fish completion for cs-agent(1).  The words come from the binary:
# "cs-agent __complete" lists the commands, "__complete SUB" a command's
# options, "__complete SUB --OPT" the values of an option (teams and skills
# from the database); logins come from "cs-agent list".
#
# The rule for option values: when the word before the cursor is an option
# that takes a value (its line in "cs-agent SUB --help" shows a metavariable,
# as in "--team TEAM"), the words that "__complete SUB --OPT" prints are
# offered.  When it prints "@file", or prints nothing for a FILE or PATH
# metavariable, file names are offered; when it prints nothing otherwise
# (free text such as --note, or values from a database that is not there),
# nothing is.  Everything the binary says on stderr is dropped: with no
# database the completion is silent.

function __cs_agent_complete
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
        case target
            # the metrics of the scorecard (cs_scorecard_metrics in
            # common/qa.c; tests/cli/t0810 checks the list)
            switch $prev
                case target
                    printf '%s\n' list set rm
                case set rm
                    printf '%s\n' resolved first_response_median_h resolution_median_h sla_met_pct reopen_rate csat_mean qa_reviews qa_score_mean revisits_finished revisit_success_rate
            end
        case show update leave activate deactivate
            $cmd $db list -f csv --no-header 2>/dev/null | string split -f1 ,
        case import
            __fish_complete_path $cur
        case help
            $cmd __complete 2>/dev/null
        case '*'
            $cmd __complete $sub 2>/dev/null
    end
end

complete -c cs-agent -f -a '(__cs_agent_complete)'
