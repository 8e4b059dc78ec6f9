#!/usr/bin/env bats
# cs-ticket, as a user meets it: a missing --type is a bad command line,
# every change names its old value, a review is never by the one who
# resolved the ticket.
load helper

world() {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
}

@test "new without --type is a usage error (2) and writes nothing" {
	world
	before=$(dbsum)
	run cs-ticket new C001 --subject 咨询发票
	[ "$status" -eq 2 ]
	[[ "$output" == *"give --type"* ]]
	[ "$(dbsum)" = "$before" ]
}
