-- Lesion-level sampling (issue 17): a stratified sample draws lesions, not images, and takes up to this many images
-- of each lesion drawn (1 by default), so a lesion never appears twice in a case set unless the coordinator asked for
-- several of its images. Recorded with the seed and the number per class so the draw can be repeated. Sets sampled
-- before had no lesions: each image was its own lesion, i.e. one image per lesion.
alter table case_set add column sampling_images_per_lesion int
    check (sampling_images_per_lesion is null or sampling_images_per_lesion >= 1);
update case_set set sampling_images_per_lesion = 1 where sampling_seed is not null;
