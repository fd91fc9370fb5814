-- Documents of a multi-tenant app, searched by a substring of their title. Tenant 1 is the big
-- customer: it owns four documents out of five.
-- pg_trgm (a contrib module that ships with PostgreSQL) adds trigram operator classes, so a GIN
-- index can serve LIKE '%term%' and ILIKE, which a B-tree index cannot.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
  id integer PRIMARY KEY,
  -- The tenant's prefix in the search engine's index names: "<slug>-documents".
  slug text NOT NULL UNIQUE
);

CREATE TABLE documents (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  updated_at timestamptz NOT NULL
);
CREATE INDEX documents_tenant_id_idx ON documents (tenant_id);
-- The trigram index on the titles is created at the end of seed.sql, once the rows are in:
-- building it in one go is several times faster than maintaining it during the inserts.
