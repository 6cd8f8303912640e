-- 4NF: the two independent facts in two tables.
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.CourseTeacher (
    Course  nvarchar(40) NOT NULL,
    Teacher nvarchar(40) NOT NULL,
    CONSTRAINT PK_CourseTeacher PRIMARY KEY (Course, Teacher)
);
CREATE TABLE fixed.CourseBook (
    Course nvarchar(40) NOT NULL,
    Book   nvarchar(80) NOT NULL,
    CONSTRAINT PK_CourseBook PRIMARY KEY (Course, Book)
);
GO
INSERT fixed.CourseTeacher VALUES (N'Physics', N'Prof. Green'), (N'Physics', N'Prof. Brown'), (N'Physics', N'Prof. Black'),
 (N'Mathematics', N'Prof. White'), (N'Mathematics', N'Prof. Green'), (N'Optics', N'Prof. Brown');
INSERT fixed.CourseBook VALUES (N'Physics', N'Basic Mechanics'), (N'Physics', N'Principles of Optics'),
 (N'Mathematics', N'Modern Algebra'), (N'Mathematics', N'Projective Geometry'), (N'Optics', N'Principles of Optics');
GO
