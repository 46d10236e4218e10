-- Shared reference data that tenant products point at (read-only from tenant statements).
create table crosslist.brands     (code text primary key, name text not null);
create table crosslist.categories (code text primary key, name text not null, parent_code text references crosslist.categories (code));
create table crosslist.conditions (code text primary key, name text not null, rank integer not null unique);
create table crosslist.sizes      (code text primary key, name text not null);
create table crosslist.colours    (code text primary key, name text not null, hex text not null);

insert into crosslist.brands (code, name) values
  ('nike', 'Nike'), ('adidas', 'adidas'), ('levis', 'Levi''s'), ('zara', 'Zara'), ('hm', 'H&M'),
  ('patagonia', 'Patagonia'), ('the-north-face', 'The North Face'), ('ralph-lauren', 'Ralph Lauren'),
  ('carhartt', 'Carhartt'), ('dr-martens', 'Dr. Martens'), ('new-balance', 'New Balance'), ('uniqlo', 'Uniqlo');

insert into crosslist.categories (code, name, parent_code) values
  ('women', 'Women', null), ('men', 'Men', null),
  ('womens-shoes', 'Women''s shoes', 'women'), ('womens-dresses', 'Dresses', 'women'),
  ('womens-bags', 'Bags', 'women'), ('mens-jackets', 'Men''s jackets & coats', 'men'),
  ('mens-jeans', 'Men''s jeans', 'men'), ('mens-shoes', 'Men''s shoes', 'men');

insert into crosslist.conditions (code, name, rank) values
  ('new-with-tags', 'New with tags', 1), ('new-without-tags', 'New without tags', 2),
  ('very-good', 'Very good', 3), ('good', 'Good', 4), ('satisfactory', 'Satisfactory', 5);

insert into crosslist.sizes (code, name) values
  ('xs', 'XS'), ('s', 'S'), ('m', 'M'), ('l', 'L'), ('xl', 'XL'),
  ('eu-36', 'EU 36'), ('eu-38', 'EU 38'), ('eu-40', 'EU 40'), ('eu-42', 'EU 42'), ('eu-44', 'EU 44'),
  ('w30-l32', 'W30 L32'), ('w32-l32', 'W32 L32'), ('one-size', 'One size');

insert into crosslist.colours (code, name, hex) values
  ('black', 'Black', '#000000'), ('white', 'White', '#FFFFFF'), ('grey', 'Grey', '#808080'),
  ('blue', 'Blue', '#1E4DB7'), ('red', 'Red', '#C81E1E'), ('green', 'Green', '#2E7D32'),
  ('beige', 'Beige', '#D8C8A8'), ('brown', 'Brown', '#6D4C41');
