-- Accounts and roles. A person may hold several roles.
create table account (
    id                   bigint generated always as identity primary key,
    username             varchar(64)  not null,
    display_name         varchar(200) not null,
    email                varchar(254),
    password_hash        varchar(200) not null,
    must_change_password boolean      not null default true,
    enabled              boolean      not null default true,
    locale               varchar(16),
    demo                 boolean      not null default false,
    created_at           timestamptz  not null default now(),
    password_changed_at  timestamptz,
    constraint account_username_format check (username ~ '^[A-Za-z0-9._@-]{2,64}$')
);

create unique index account_username_unique on account (lower(username));

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(20) not null,
    primary key (account_id, role),
    constraint account_role_known check (role in ('ADMIN', 'COORDINATOR', 'READER', 'STATISTICIAN'))
);
