#!/usr/bin/env bats
# cs-report -f html: the chart of tickets created has a bar for every day
# of a short period (a day without tickets too), and bars a week or a
# month wide in long ones, never of negative width.
load helper

@test "daily chart: every day of the week, and readable bars in a year" {
	printf 'login,name,team,role\na1,甲一,T1,agent\n' | cs-agent import - 2>/dev/null
	printf 'code,name,phone\nC1,王芳,13812345678\n' | cs-customer import - 2>/dev/null
	# a ticket on each of 300 days of 2026, from 01-01, and two on
	# 2026-11-16 and 11-18 (W47: Tuesday, Thursday ... Sunday empty)
	{
		echo external_id,customer,type,channel,priority,assignee,subject,created_at
		for i in $(seq 0 299); do
			d=$(date -d "2026-01-01 + $i days" +%F)
			echo "Y$i,C1,consult,phone,normal,a1,s,${d}T10:00"
		done
		echo "W1,C1,complaint,phone,normal,a1,s,2026-11-16T09:00"
		echo "W2,C1,complaint,phone,normal,a1,s,2026-11-18T09:00"
	} > "$T/t.csv"
	cs-ticket import "$T/t.csv" 2>/dev/null
	# 300 days from 01-01 end on 10-27: W47 has only W1 and W2
	run cs-report 2026-W47 -f html
	[ "$status" -eq 0 ]
	chart=$(sed -n '/<figcaption>Tickets created/,/<\/figure>/p' <<<"$output")
	labels=$(grep -o 'rotate([^)]*)">[^<]*' <<<"$chart" | sed 's/.*>//' | paste -sd' ' -)
	[ "$labels" = "2026-11-16 2026-11-17 2026-11-18 2026-11-19 2026-11-20 2026-11-21 2026-11-22" ]
	[ "$(grep -c '<rect' <<<"$chart")" -eq 2 ]
	# the year: twelve month bars, none of negative width
	run cs-report 2026 -f html
	[ "$status" -eq 0 ]
	chart=$(sed -n '/<figcaption>Tickets created/,/<\/figure>/p' <<<"$output")
	[ "$(grep -o 'rotate([^)]*)">[^<]*' <<<"$chart" | sed 's/.*>//' | paste -sd' ' -)" = \
	    "2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12" ]
	[[ "$output" != *'width="-'* ]]
	# January: 31 consult tickets
	[[ "$chart" == *"<title>consult 2026-01: 31</title>"* ]]
	# a quarter (92 days) by week, under each week's Monday
	run cs-report 2026-Q4 -f html
	chart=$(sed -n '/<figcaption>Tickets created/,/<\/figure>/p' <<<"$output")
	[[ "$chart" == *"<title>complaint 2026-11-16: 2</title>"* ]]
	[[ "$output" != *'width="-'* ]]
}
