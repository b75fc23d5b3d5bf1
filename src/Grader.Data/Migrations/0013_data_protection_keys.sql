-- The API's ASP.NET Core data-protection key ring (issue 9): the keys that encrypt the staff pages' session cookies and
-- antiforgery tokens. Kept here, not in a process's memory or home folder, so that every API instance (and the same one
-- after a restart) reads the same ring: a cookie issued by one instance opens the pages on all of them.
-- A row is one <key> element as data protection writes it (its master key included: whoever reads this table can make
-- session cookies, as whoever writes api_keys can make keys). Keys are never updated; a revoked or expired key stays
-- listed, as the key manager expects, and the ring takes a new key every 90 days.
create table data_protection_keys (
    name       text primary key,
    xml        text not null,
    created_at timestamptz not null default now()
);
