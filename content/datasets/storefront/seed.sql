-- Deterministic: every value is arithmetic on the row number, so every seed is identical.
-- 20 categories, 8,000 products (product p is in category 1 + (p - 1) % 20), 1,000 customers,
-- 2,500 orders and 20,000 order lines: every order has exactly 8 lines.
INSERT INTO categories (id, name)
SELECT c, 'Category ' || to_char(c, 'FM00')
FROM generate_series(1, 20) AS c;

-- created_at spreads the products over 8,000 one-hour steps in a shuffled order (7,919 is
-- prime, so p * 7919 % 8000 takes every value once): the newest products are not the last ids.
INSERT INTO products (id, category_id, name, price_cents, description, created_at)
SELECT p,
       1 + (p - 1) % 20,
       'Product ' || to_char(p, 'FM0000'),
       500 + (p * 37) % 9500,
       'Product ' || p || ': a short description, as a catalogue page shows it.',
       timestamptz '2024-01-01 00:00:00+00' + ((p * 7919) % 8000) * interval '1 hour'
FROM generate_series(1, 8000) AS p;

INSERT INTO customers (id, name, email)
SELECT c, 'Customer ' || to_char(c, 'FM0000'), 'customer' || c || '@example.com'
FROM generate_series(1, 1000) AS c;

INSERT INTO orders (id, customer_id, status, placed_at)
SELECT o,
       1 + (o * 13) % 1000,
       (ARRAY['paid', 'shipped', 'delivered'])[1 + o % 3],
       timestamptz '2024-06-01 00:00:00+00' + o * interval '37 minutes'
FROM generate_series(1, 2500) AS o;

-- Line l of order o sells product 1 + ((o * 8 + l) * 97) % 8000, at that product's price.
INSERT INTO order_lines (id, order_id, product_id, quantity, unit_price_cents)
SELECT (o - 1) * 8 + l,
       o,
       1 + ((o * 8 + l) * 97) % 8000,
       1 + (o + l) % 3,
       500 + ((1 + ((o * 8 + l) * 97) % 8000) * 37) % 9500
FROM generate_series(1, 2500) AS o, generate_series(1, 8) AS l;
