-- LTI 1.3 Assignment and Grade Services (issue 10, second half): platform registrations, the tool's signing keys, line
-- items mapped per assignment, and the line item a submission names.

-- One platform (an LMS's LTI registration) per webhook source: a submission's line item is posted to the platform of the
-- source that delivered it.
create table lti_platforms (
    source        text primary key,
    issuer        text not null,
    client_id     text not null,
    deployment_id text not null,
    -- The OAuth2 token endpoint (client credentials with a JWT client assertion).
    token_url     text not null,
    -- The assertion's aud when the platform wants one other than the token URL (e.g. Moodle's, Blackboard's).
    audience      text,
    created_at    timestamptz not null,
    unique (issuer, client_id, deployment_id)
);

-- The tool's RSA signing keys: the newest signs; it and the one before are served at /.well-known/jwks.json. The private
-- key is AES-256-GCM encrypted with Lti:KeyEncryptionKey (never in the database), its kid bound as associated data.
create table lti_tool_keys (
    kid         text primary key,
    public_jwk  text not null,
    private_key bytea not null,
    created_at  timestamptz not null
);

-- An assignment mapped to a line item, once: every submission of it from the source is posted there.
create table lti_line_item_maps (
    source        text not null references lti_platforms (source),
    course        text not null,
    assignment    text not null,
    line_item_url text not null,
    created_at    timestamptz not null,
    primary key (source, course, assignment)
);

-- The line item and LTI user id a submission named in its webhook body (both null when it named none).
alter table submissions add column lti_line_item text, add column lti_user_id text;
