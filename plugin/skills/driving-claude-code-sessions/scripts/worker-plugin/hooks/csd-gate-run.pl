#!/usr/bin/perl
# Runs the csd gate (csd-gate-run.pl SECONDS PROGRAM ARGS…) and turns every way it can fail into Claude
# Code's blocking exit code 2: Claude Code runs the tool when a PreToolUse hook exits with anything else,
# so a gate that crashed, could not start (no node), was killed or took too long would let the call through.
# The gate's own answer (JSON on stdout, exit 0) passes through untouched. The hooks.json line that runs
# this script ends in `|| exit 2`, for a machine without perl.
# No modules: POSIX alone takes longer to load than the rest of this script takes to run.
use strict;

my ($seconds, @command) = @ARGV;
sub deny { print STDERR "csd gate: $_[0], so the call is denied\n"; exit 2; }
deny("bad arguments") unless defined $seconds && $seconds =~ /^\d+$/ && $seconds > 0 && @command;

my $pid = fork();
deny("cannot start the gate: $!") unless defined $pid;
if ($pid == 0) {
    # The gate never uses TLS: without NODE_EXTRA_CA_CERTS node starts ~90 ms sooner.
    delete $ENV{NODE_EXTRA_CA_CERTS};
    exec { $command[0] } @command;
    print STDERR "csd gate: cannot run $command[0]: $!\n";
    exit 127;
}
$SIG{ALRM} = sub {
    kill 'KILL', $pid;
    waitpid($pid, 0);
    deny("no answer within $seconds s");
};
alarm $seconds;
waitpid($pid, 0);
my $status = $?;
alarm 0;
exit 0 if $status == 0;
deny("the gate was killed by signal " . ($status & 127)) if $status & 127;
deny("the gate failed (exit " . ($status >> 8) . ")");
