CREATE TABLE dbo.EmpDept (
    Ssn char(9) PRIMARY KEY, Ename nvarchar(50), Dnumber int, Dname nvarchar(30), Dmgr_ssn char(9)
    -- expect: SN3001
    -- schemanorm: fd Dnumber -> Dname, Dmgr_ssn
);
