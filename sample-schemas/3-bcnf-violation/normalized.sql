-- BCNF: who teaches what, and who is taught by whom. The FD StudentID, Subject -> TutorID is no
-- longer enforced by a key (no dependency-preserving BCNF decomposition exists for this design).
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.Tutor (
    TutorID int          NOT NULL PRIMARY KEY,
    Subject nvarchar(30) NOT NULL
);
CREATE TABLE fixed.Tutoring (
    StudentID int NOT NULL,
    TutorID   int NOT NULL REFERENCES fixed.Tutor (TutorID),
    CONSTRAINT PK_fixed_Tutoring PRIMARY KEY (StudentID, TutorID)
);
GO
INSERT fixed.Tutor VALUES (10, N'Physics'), (11, N'Physics'), (20, N'Chemistry'), (21, N'Chemistry'), (30, N'Mathematics'), (31, N'Mathematics');
INSERT fixed.Tutoring VALUES (1, 10), (1, 20), (1, 30), (2, 11), (2, 30), (3, 10), (3, 21), (4, 31), (4, 20), (5, 11), (5, 31), (5, 21);
GO
