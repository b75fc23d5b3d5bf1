-- How many times a worker started each regrade batch. A batch that kills its worker process leaves no fault behind: its
-- message is redelivered, and kills the next worker, without end. Counted outside the batch's transaction (which the
-- crash rolls back), so past Regrade:MaxBatchAttempts the batch is failed instead of run again.
alter table regrade_batches add column attempts integer not null default 0;
