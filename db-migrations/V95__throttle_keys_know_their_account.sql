-- A sign-in delay keyed by (name, address) is stored under a hash of both, so it cannot be found from the name
-- alone. Administrators must see and lift every delay on an account: each key now also names the hashed account
-- key it belongs to (null for address keys, which belong to nobody).
alter table signin_throttle
    add column account_key varchar(100);

create index signin_throttle_account_key on signin_throttle (account_key) where account_key is not null;
