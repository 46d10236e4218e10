-- Running attempts now live in the shared dispatch entry (shared migration V7): the job row keeps the state
-- before the attempt. A row stored RUNNING by an earlier version goes back to PENDING without counting the
-- attempt it was in; when its old lease expires it is claimed again. Its batch counts follow.
update ${tenant}.marketplace_batches b
   set pending = b.pending + r.n, running = b.running - r.n
  from (select batch_id, count(*) as n from ${tenant}.marketplace_jobs
         where status = 'RUNNING' and batch_id is not null group by batch_id) r
 where b.id = r.batch_id;
update ${tenant}.marketplace_jobs
   set status = 'PENDING', attempts = attempts - 1
 where status = 'RUNNING';
