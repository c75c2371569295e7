-- A reader cannot have used dermoscopy for longer than they have practised dermatology. The reader's own profile
-- page always refused such a profile, but readers created from a coordinator's pasted list were not checked, and
-- their profile then could not be read back: the reader could not open their studies. Such a profile is removed
-- (the reader is asked for it again at the next sign-in, as at the first), and the database now refuses it.
delete from reader_profile where years_dermoscopy > years_dermatology;

alter table reader_profile
    add constraint reader_profile_dermoscopy_within_dermatology check (years_dermoscopy <= years_dermatology);
