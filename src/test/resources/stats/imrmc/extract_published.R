# Writes imrmc-4.0.3-output.csv (key,value) from iMRMC's own published test target: the output of iMRMC 4.0.3 (Java,
# FDA DIDSR) on its example data set, saved by DIDSR/iMRMC as Rpackage/iMRMC/tests/testthat/test_doIMRMC_R2.rda
# (object targetTest2; copied here as imrmc-4.0.3-output.rda). The input is that package's example file
# tests/testthat/input.imrmc (copied here unchanged): 5 readers, modalities testA and testB, 40 negative and 40
# positive cases, fully crossed. Both files are CC0 (public domain) like the iMRMC package.
# Run from this folder: Rscript extract_published.R   (base R only)
options(digits = 17)
load("imrmc-4.0.3-output.rda")
out <- list()
put <- function(key, value) out[[key]] <<- value
pr <- targetTest2$perReader
for (i in seq_len(nrow(pr))) {
  key <- paste("perReader", pr$readerID[i], pr$modalityA[i], pr$modalityB[i], sep = ".")
  for (col in c("AUCA", "varAUCA", "AUCB", "varAUCB", "AUCAminusAUCB", "varAUCAminusAUCB")) {
    put(paste(key, col, sep = "."), as.numeric(pr[i, col]))
  }
}
us <- targetTest2$Ustat
for (i in seq_len(nrow(us))) {
  key <- paste("Ustat", us$modalityA[i], us$modalityB[i], sep = ".")
  for (col in c("AUCA", "varAUCA", "AUCB", "varAUCB", "AUCAminusAUCB", "varAUCAminusAUCB", "pValueNormal",
                "botCInormal", "topCInormal", "dfBDG", "pValueBDG", "botCIBDG", "topCIBDG", "dfHillis",
                "pValueHillis", "botCIHillis", "topCIHillis")) {
    put(paste(key, col, sep = "."), as.numeric(us[i, col]))
  }
}
ml <- targetTest2$MLEstat
for (i in seq_len(nrow(ml))) {
  key <- paste("MLEstat", ml$modalityA[i], ml$modalityB[i], sep = ".")
  for (col in c("varAUCA", "varAUCB", "varAUCAminusAUCB")) put(paste(key, col, sep = "."), as.numeric(ml[i, col]))
}
bdg <- targetTest2$varDecomp$BDG$Ustat$comp$testA.testB
for (row in rownames(bdg)) for (col in colnames(bdg)) put(paste("BDG", row, col, sep = "."), bdg[row, col])
or <- targetTest2$varDecomp$OR$Ustat$comp
for (pair in names(or)) {
  row <- or[[pair]][1, ]
  for (col in colnames(row)) put(paste("OR", pair, col, sep = "."), row[[col]])
}
csv <- data.frame(key = names(out), value = sapply(out, function(v) format(v, digits = 17)))
write.csv(csv, "imrmc-4.0.3-output.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(csv), "published values\n")
