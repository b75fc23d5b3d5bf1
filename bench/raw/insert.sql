-- One webhook's intake: one insert of a submission with ~450 bytes of answers, its own transaction (autocommit).
\set n random(1, 2000000000)
insert into raw_submissions (external_id, course, answers, status)
values (:client_id || '-' || :n || '-' || clock_timestamp(), 'bench', '{"3a": "x*(1-x)", "3b": 233, "3c": [0.25, 0.5, 0.75], "4a": "sigmoid(w^T x)", "4b": "-sum(y*log(p) + (1-y)*log(1-p))", "4c": [[1, 0], [0, 1]], "5a": "lambda*||w||^2", "5b": 0.125, "5c": "x^T A x", "6a": "argmax_k p_k", "6b": [1, 2, 3, 4], "6c": "exp(z_k)/sum(exp(z))", "7a": "1/(1+exp(-z))", "7b": 0.6931, "7c": "trace(A B)", "8a": "yes", "8b": "no", "9a": "the gradient of the loss in w is X^T (X w - y) / n", "9b": [0.1, 0.2, 0.3, 0.4]}', 'queued');
