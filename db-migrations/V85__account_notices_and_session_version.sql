-- Sessions end when an account's rights change: every open session carries the version it signed in with, and a
-- request whose version is no longer the account's is signed out (roles changed, account disabled, password reset
-- or changed).
alter table account
    add column security_version int not null default 0;

-- What an account's owner must be told at their next sign-in (for now: that someone reset their password).
create table account_notice (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    kind       varchar(32) not null,
    actor      varchar(64) not null,
    created_at timestamptz not null default now(),
    seen_at    timestamptz,
    constraint account_notice_kind check (kind in ('PASSWORD_RESET'))
);

create index account_notice_unseen on account_notice (account_id) where seen_at is null;
