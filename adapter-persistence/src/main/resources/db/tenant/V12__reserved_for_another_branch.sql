-- Placeholder on the woo-import branch only: V12 belongs to another branch (tenant versions run without gaps,
-- and this branch's V13 needs a V12 to build and test). The lead drops this file and its line in
-- MigrationScript.TENANT when merging, keeping the other branch's V12.
select 1 from ${tenant}.products where false;
