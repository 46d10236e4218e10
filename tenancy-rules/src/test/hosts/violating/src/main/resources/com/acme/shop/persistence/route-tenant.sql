-- In the persistence adapter's package folder: allowed to switch, so not reported.
SET search_path TO shop_no_tenant;
