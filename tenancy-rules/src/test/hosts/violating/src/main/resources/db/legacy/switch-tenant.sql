-- Breaks no_schema_switch_in_resources: the per-tenant session switch in a script.
-- SET search_path TO commented_out;  (a comment is not reported)
begin;
SET search_path TO user_1;
select id from orders;
commit;
