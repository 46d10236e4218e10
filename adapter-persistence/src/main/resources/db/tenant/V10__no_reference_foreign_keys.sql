-- Tenant tables no longer hold foreign keys to the shared reference tables. Each such key put two triggers
-- on the shared table, one pair per tenant, so creating a tenant slowed as tenants were added and its lock
-- on the shared table serialized concurrent provisioning; every product write also locked the shared row
-- it referenced. The product statements check their codes against the reference tables instead (read
-- only). V1 no longer creates these keys; tenants created with its earlier text lose them here.
alter table ${tenant}.products drop constraint if exists products_brand_fk;
alter table ${tenant}.products drop constraint if exists products_category_fk;
alter table ${tenant}.products drop constraint if exists products_condition_fk;
alter table ${tenant}.products drop constraint if exists products_size_fk;
alter table ${tenant}.products drop constraint if exists products_colour_fk;
