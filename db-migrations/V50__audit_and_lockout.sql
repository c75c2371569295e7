-- Sign-in throttling: consecutive failures and a temporary lock per account.
alter table account
    add column failed_logins int not null default 0,
    add column locked_until  timestamptz;

-- Who did what, when: sign-ins, account changes, imports, study changes, exports, model runs.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(64),
    action      varchar(64)  not null,
    target      varchar(200),
    detail      text
);

create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_action on audit_event (action, occurred_at desc);
