# fish completion for cs-report(1).  The words come from the binary:
# "cs-report __complete" lists the commands, "__complete show" the options
# of the report, "__complete show --OPT" the values of an option (sections
# and formats, and agents, teams and ticket types from the database).
#
# The rule for option values: when the word before the cursor is an option
# that takes a value (its line in "cs-report show --help" shows a
# metavariable, as in "--section SECTION"), the words that "__complete show
# --OPT" prints are offered.  When it prints "@file", or prints nothing for
# a FILE or PATH metavariable (--output, --db), file names are offered;
# when it prints nothing otherwise (the dates of --from and --to, or values
# from a database that is not there), nothing is.  Everything the binary
# says on stderr is dropped: with no database the completion is silent.
#
# Operands: "show" is implied, so the first operand is the command "show"
# or "help", or a period.  The named periods are offered there (weekly,
# monthly, quarterly, yearly, this-week, last-week, ...; 2026-W47 and the
# like are typed), and after "show".  The options of "show" are offered
# anywhere, as "cs-report --section csat weekly" works too.  Operands are
# counted after skipping the options and the values of those that take
# one, as "cs-report show --help" lists them.  A --db on the line is passed
# on in CS_DB, which the binary reads wherever the command stands.

function __cs_report_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd $words[1]
    set -l prev $words[-1]
    set -l periods weekly monthly quarterly yearly this-week last-week \
        this-month last-month this-quarter last-quarter this-year last-year
    set -l db
    # The options that take a value, from the help of "show" (which also
    # lists the common options): "-s --section SECTION" and so on.
    set -l opts ($cmd show --help 2>/dev/null | string replace -rf -- \
        '^  (?:-(.), )?(--[a-z-]+) ([^ ]+) .*' '-$1 $2 $3')
    set -l valued
    for l in $opts
        set -l o (string split ' ' -- $l)
        test "$o[1]" != -; and set -a valued $o[1]
        set -a valued $o[2]
    end

    # The operands before the cursor, without options and their values.
    set -l ops
    set -l i 2
    while test $i -le (count $words)
        if test "$words[$i]" = --db
            set i (math $i + 1)
            set -q words[$i]; and set db CS_DB=$words[$i]
        else if contains -- $words[$i] $valued
            set i (math $i + 1)
        else if not string match -qr -- '^-.' $words[$i]
            set -a ops $words[$i]
        end
        set i (math $i + 1)
    end

    if test (count $words) -gt 1; and string match -qr -- '^-.' $prev
        for l in $opts
            set -l o (string split ' ' -- $l)
            if contains -- $prev $o[1..2]
                set -l vals (env $db $cmd __complete show $o[2] 2>/dev/null)
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

    if string match -q -- '-*' $cur
        if test (count $ops) -eq 0
            $cmd __complete show 2>/dev/null
            echo --version
        else if test "$ops[1]" = scorecard
            $cmd __complete scorecard 2>/dev/null
        else if test "$ops[1]" != help
            $cmd __complete show 2>/dev/null
        end
        return
    end

    set -l first $ops[1]
    switch (count $ops)":$first"
        case '0:*'
            $cmd __complete 2>/dev/null
            printf '%s\n' $periods
        case 1:show 1:scorecard
            printf '%s\n' $periods
        case 1:help
            $cmd __complete 2>/dev/null
        case '*'
            # one period is all
    end
end

complete -c cs-report -f -a '(__cs_report_complete)'
