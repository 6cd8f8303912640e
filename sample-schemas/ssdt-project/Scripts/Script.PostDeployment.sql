/*
Post-deployment script: runs after the schema is deployed. The data files are not built on their own
(the project removes them from Build); each is read here, once.
*/
:r .\Data\Regions.sql
:r .\Data\Stores.sql
