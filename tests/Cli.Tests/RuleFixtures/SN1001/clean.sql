CREATE TABLE dbo.roysched (
    title_id varchar(6) NOT NULL,
    lorange  int NOT NULL,
    hirange  int NULL,
    royalty  int NULL,
    PRIMARY KEY (title_id, lorange)
);
