-- Which teachers may teach a course, and which books it uses, are independent facts; storing them
-- in one all-key table means every teacher is paired with every book (Course ->> Teacher | Book, 4NF).
-- schemanorm: mvd Course ->> Teacher
CREATE TABLE dbo.CourseOffering (
    Course  nvarchar(40) NOT NULL,
    Teacher nvarchar(40) NOT NULL,
    Book    nvarchar(80) NOT NULL,
    CONSTRAINT PK_CourseOffering PRIMARY KEY (Course, Teacher, Book)
);
GO
INSERT INTO dbo.CourseOffering VALUES
 (N'Physics', N'Prof. Green', N'Basic Mechanics'),
 (N'Physics', N'Prof. Green', N'Principles of Optics'),
 (N'Physics', N'Prof. Brown', N'Basic Mechanics'),
 (N'Physics', N'Prof. Brown', N'Principles of Optics'),
 (N'Physics', N'Prof. Black', N'Basic Mechanics'),
 (N'Physics', N'Prof. Black', N'Principles of Optics'),
 (N'Mathematics', N'Prof. White', N'Modern Algebra'),
 (N'Mathematics', N'Prof. White', N'Projective Geometry'),
 (N'Mathematics', N'Prof. Green', N'Modern Algebra'),
 (N'Mathematics', N'Prof. Green', N'Projective Geometry'),
 (N'Optics', N'Prof. Brown', N'Principles of Optics');
GO
