-- A small online store whose traffic the monitoring guideline measures: a catalogue of
-- products in categories, customers, and orders with their lines. Foreign keys are indexed,
-- as Django creates them; products.created_at, which the home page sorts by, is not.
--
-- pg_stat_statements records every statement this database runs (its calls, rows and time).
-- The playground loads it because this schema creates it; a server needs it in
-- shared_preload_libraries as well.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
-- auto_explain is a library, not an extension: LOAD makes it available to this session, and a
-- variant LOADs it into its own. A server would list it in session_preload_libraries instead.
LOAD 'auto_explain';

CREATE TABLE categories (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE products (
  id integer PRIMARY KEY,
  category_id integer NOT NULL REFERENCES categories (id),
  name text NOT NULL,
  price_cents integer NOT NULL,
  description text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX products_category_id_idx ON products (category_id);

CREATE TABLE customers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL
);

CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  status text NOT NULL,
  placed_at timestamptz NOT NULL
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE order_lines (
  id integer PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id),
  product_id integer NOT NULL REFERENCES products (id),
  quantity integer NOT NULL,
  unit_price_cents integer NOT NULL
);
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);
CREATE INDEX order_lines_product_id_idx ON order_lines (product_id);
