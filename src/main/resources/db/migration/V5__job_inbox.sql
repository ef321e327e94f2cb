-- Jobs submitted or changed outside the engine (a submit, a cancel), noted in the same transaction
-- as the change. The engine keeps the queue in memory and reads only these notes each pass instead
-- of every unfinished job; it deletes exactly the notes it read, so a note committed late is never lost.
CREATE TABLE job_inbox (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace VARCHAR(64)  NOT NULL,
    name      VARCHAR(255) NOT NULL
);
