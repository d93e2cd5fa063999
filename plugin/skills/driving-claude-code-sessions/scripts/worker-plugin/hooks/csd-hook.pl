#!/usr/bin/perl
# The csd hook: Claude Code runs it on every lifecycle event of a worker (the event name is the argument).
# It appends the hook payload, plus "event" and "ts", as one line to $CSD_EVENTS_FILE.
# Perl, not Node: it starts in ~3 ms instead of ~40-100 ms, and it runs on every tool call of every worker.
# No modules either: Fcntl and Time::HiRes would take longer to load than the rest of the hook takes to run,
# so on the ABIs csd names in $CSD_HOOK_ABI the open flags and the clock syscall are used by number.
# It must never break the worker: anything unexpected is skipped and it always exits 0.
use strict;

# ABI => [clock_gettime syscall number, O_NOFOLLOW, setsid syscall number]. O_WRONLY, O_CREAT and O_APPEND
# are the same on both.
my %ABI = ('linux-x64' => [228, 0400000, 112], 'linux-arm64' => [113, 0100000, 157]);
my $O_WRONLY_CREAT_APPEND = 01 | 0100 | 02000;

# (seconds, milliseconds) since the epoch, and the flags to open the events file with.
sub clock_and_flags {
    my $abi = $ABI{$ENV{CSD_HOOK_ABI} // ""};
    # Only a 64-bit perl uses those syscall numbers (pack "p" is a pointer: 8 bytes).
    if ($abi && length(pack("p", "")) == 8) {
        my @fast = eval {
            my $timespec = "\0" x 16;
            die "clock_gettime failed\n" unless syscall($abi->[0], 0, $timespec) == 0;
            my ($seconds, $nanoseconds) = unpack("q q", $timespec);
            ($seconds, int($nanoseconds / 1_000_000), $O_WRONLY_CREAT_APPEND | $abi->[1]);
        };
        return @fast if @fast == 3 && $fast[0] > 1_000_000_000;
    }
    require Fcntl;
    my $now = eval { require Time::HiRes; Time::HiRes::time() } // time();
    return (int($now), int(($now - int($now)) * 1000),
        Fcntl::O_WRONLY() | Fcntl::O_CREAT() | Fcntl::O_APPEND() | Fcntl::O_NOFOLLOW());
}

# A payload over this many bytes (a Write of a big file, a long tool output) has the long strings of its
# tool_input and tool_response cut to $KEPT_CHARS characters, and "csd_truncated":true: the events file grows
# with the number of events, not with the files the worker writes. The final text and the prompt stay whole.
my $BIG_PAYLOAD = 256 * 1024;
my $KEPT_CHARS = 16 * 1024;

sub shrunk {
    my ($payload) = @_;
    my $out = eval {
        require JSON::PP;
        my $json = JSON::PP->new->utf8;
        my $data = $json->decode($payload);
        return $payload unless ref $data eq 'HASH';
        my $cut = 0;
        for my $key ('tool_input', 'tool_response') {
            $data->{$key} = cut_strings($data->{$key}, \$cut) if exists $data->{$key};
        }
        return $payload unless $cut;
        $data->{csd_truncated} = JSON::PP::true();
        $json->encode($data);
    };
    return defined $out ? $out : $payload;    # no JSON::PP, or not JSON: left as it was
}

sub cut_strings {
    my ($value, $cut) = @_;
    if (ref $value eq 'HASH') { $value->{$_} = cut_strings($value->{$_}, $cut) for keys %$value; return $value }
    if (ref $value eq 'ARRAY') { return [map { cut_strings($_, $cut) } @$value] }
    return $value if ref $value || !defined $value || length($value) <= $KEPT_CHARS;
    $$cut = 1;
    return substr($value, 0, $KEPT_CHARS) . sprintf("\x{2026} [csd: %d more characters cut]", length($value) - $KEPT_CHARS);
}

eval {
    my $file = $ENV{CSD_EVENTS_FILE};
    my $event = $ARGV[0] // "";
    exit 0 unless $file && $event =~ /\A[a-z_]+\z/;
    my ($seconds, $millis, $flags) = clock_and_flags();
    my @t = gmtime($seconds);
    my $ts = sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
        $t[5] + 1900, $t[4] + 1, $t[3], $t[2], $t[1], $t[0], $millis);
    local $/;
    binmode STDIN;
    my $payload = <STDIN> // "";
    $payload =~ s/\A\s+|\s+\z//g;
    # Only a JSON object is taken; its bytes pass through untouched. csd's two fields go last, so a
    # payload field of the same name can never override them.
    if ($payload !~ /\A\{.*\}\z/s) {
        print STDERR "csd hook: ignored input that is not a JSON object\n";
        exit 0;
    }
    $payload = shrunk($payload) if length($payload) > $BIG_PAYLOAD;
    $payload =~ s/[\r\n]+/ /g;    # whitespace between JSON tokens; inside strings they are escaped
    my $body = substr($payload, 1, -1);
    my $line = "{" . $body . ($body =~ /\S/ ? "," : "") . "\"event\":\"$event\",\"ts\":\"$ts\"}\n";
    sysopen(my $fh, $file, $flags, 0600)
        or do { print STDERR "csd hook: cannot append to $file: $!\n"; exit 0 };
    # One write per line: O_APPEND writes to a local file do not interleave with other appenders.
    my $offset = 0;
    while ($offset < length $line) {
        my $written = syswrite($fh, $line, length($line) - $offset, $offset);
        last unless defined $written && $written > 0;
        $offset += $written;
    }
    close $fh;
    # Someone is to be told about this event: csd notify add wrote a trigger file of its name.
    my $triggers = $ENV{CSD_NOTIFY_ON};
    start_notifier($triggers, $event, $ts) if $triggers && -e "$triggers/$event";
};
exit 0;

# Starts csd's notifier (csd-notify.cjs, beside this script) for the event just written, detached: a child
# that leaves Claude Code's pipes for /dev/null and starts a session of its own, then becomes the notifier.
# The hook does not wait for it (it exits at once; init reaps the child), so Claude Code waits for none of
# it and a slow or failing target cannot delay or break the worker.
sub start_notifier {
    my ($triggers, $event, $ts) = @_;
    my $worker = $ENV{CSD_WORKER};
    return unless defined $worker && length $worker;
    (my $dir = $0) =~ s{/[^/]*\z}{};
    my $pid = fork();
    return unless defined $pid && $pid == 0;
    open(STDIN, "<", "/dev/null");
    open(STDOUT, ">", "/dev/null");
    open(STDERR, ">", "/dev/null");
    my $abi = $ABI{$ENV{CSD_HOOK_ABI} // ""};
    if (!$abi || syscall($abi->[2]) == -1) {
        eval { require POSIX; POSIX::setsid() };
    }
    exec("node", "$dir/csd-notify.cjs", $triggers, $worker, $event, $ts);
    exit 0;
}
