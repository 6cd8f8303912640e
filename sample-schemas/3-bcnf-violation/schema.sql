-- Each tutor teaches one subject, and a student has one tutor per subject. Keys: (StudentID, Subject)
-- and (StudentID, TutorID). Every column is prime, so the table is in 3NF, but TutorID -> Subject has
-- a determinant that is not a key (BCNF).
-- schemanorm: fd TutorID -> Subject
-- schemanorm: fd StudentID, Subject -> TutorID
CREATE TABLE dbo.Tutoring (
    StudentID int          NOT NULL,
    Subject   nvarchar(30) NOT NULL,
    TutorID   int          NOT NULL,
    CONSTRAINT PK_Tutoring PRIMARY KEY (StudentID, Subject),
    CONSTRAINT UQ_Tutoring_StudentTutor UNIQUE (StudentID, TutorID)
);
GO
INSERT INTO dbo.Tutoring (StudentID, Subject, TutorID) VALUES
 (1, N'Physics', 10), (1, N'Chemistry', 20), (1, N'Mathematics', 30),
 (2, N'Physics', 11), (2, N'Mathematics', 30),
 (3, N'Physics', 10), (3, N'Chemistry', 21),
 (4, N'Mathematics', 31), (4, N'Chemistry', 20),
 (5, N'Physics', 11), (5, N'Mathematics', 31), (5, N'Chemistry', 21);
GO
