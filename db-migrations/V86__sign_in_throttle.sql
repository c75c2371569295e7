-- Sign-in throttling keyed by account, by client address and by the pair of both, shared by every instance on the
-- database. Keys hold no typed user name: account and pair keys are SHA-256 hashes of the lower-cased name.
create table signin_throttle (
    throttle_key    varchar(100) primary key,
    failures        int          not null,
    last_failure_at timestamptz  not null,
    blocked_until   timestamptz,
    refused         int          not null default 0
);

create index signin_throttle_last_failure on signin_throttle (last_failure_at);

-- The per-account lock of V50 is replaced by the throttle; failed_logins and locked_until are no longer used.
update account set failed_logins = 0, locked_until = null;
