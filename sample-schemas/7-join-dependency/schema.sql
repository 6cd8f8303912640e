-- The business rule: if a supplier supplies a part, the part is used in a project, and the supplier
-- supplies that project, then the supplier supplies that part to that project. The table then equals
-- the join of its three pairwise projections (a join dependency not implied by its key, 5NF).
-- schemanorm: jd (Supplier, Part), (Part, Project), (Supplier, Project)
CREATE TABLE dbo.Supply (
    Supplier varchar(10) NOT NULL,
    Part     varchar(10) NOT NULL,
    Project  varchar(10) NOT NULL,
    CONSTRAINT PK_Supply PRIMARY KEY (Supplier, Part, Project)
);
GO
INSERT INTO dbo.Supply VALUES
 ('S1', 'P1', 'J2'),
 ('S1', 'P2', 'J1'),
 ('S2', 'P1', 'J1'),
 ('S1', 'P1', 'J1');
GO
