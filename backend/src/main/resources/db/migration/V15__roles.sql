-- Four roles: an operator answers; a library admin ('admin') runs their library; a co-op coordinator
-- ('coordinator') also runs the co-ops their library belongs to; a system admin ('system') runs the
-- installation (its libraries and co-ops) and is the admin of their own library as well.
ALTER TABLE operators DROP CONSTRAINT operators_role_check;
ALTER TABLE operators ADD CONSTRAINT operators_role_check
    CHECK (role IN ('operator', 'admin', 'coordinator', 'system'));
