CREATE TABLE dbo.CTX (
    COURSE nvarchar(30), TEACHER nvarchar(30), TEXT nvarchar(60),
    PRIMARY KEY (COURSE, TEACHER, TEXT)
    -- expect: SN4001
    -- schemanorm: mvd COURSE ->> TEACHER
);
