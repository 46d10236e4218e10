-- Running attempts now live in the shared dispatch entry (shared migration V7): the job row keeps the state
-- before the attempt. A row stored RUNNING by an earlier version goes back to PENDING without counting the
-- attempt it was in; when its old lease expires it is claimed again. A batch's running count is read from the
-- dispatch entries from now on, so its stored column goes, its jobs counted as pending.
update ${tenant}.marketplace_batches set pending = pending + running where running > 0;
alter table ${tenant}.marketplace_batches drop column running;
update ${tenant}.marketplace_jobs
   set status = 'PENDING', attempts = attempts - 1
 where status = 'RUNNING';
