package org.dermread.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Small synthetic sets in the layouts of the public dermoscopy data sets (HAM10000, ISIC 2018 task 3, 2019, 2020),
 * generated at test time: the CSVs as the data sets write them and tiny drawn JPEGs (coloured squares with an oval,
 * clearly not patients), unique per fixture so that each is new content to the library. A test then damages one in
 * exactly the way it checks.
 */
final class PublicSetFixture {

    static final String HAM_CSV = "HAM10000_metadata.csv";
    static final String ISIC_2018_CSV = "ISIC2018_Task3_Training_GroundTruth.csv";
    static final String ISIC_2019_CSV = "ISIC_2019_Training_GroundTruth.csv";
    static final String ISIC_2019_METADATA = "ISIC_2019_Training_Metadata.csv";
    static final String ISIC_2020_CSV = "train.csv";

    final Map<String, byte[]> images = new LinkedHashMap<>();
    final Map<String, List<String>> csvs = new LinkedHashMap<>();
    final Map<String, byte[]> other = new LinkedHashMap<>();
    private final String salt = UUID.randomUUID().toString();

    /**
     * HAM10000: 8 images of 7 lesions, one per diagnosis, lesion HAM_0000001 with two images (one in each image
     * folder), every dx_type, decimal and empty ages, unknown sex and localization.
     */
    static PublicSetFixture ham10000() {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(HAM_CSV, "lesion_id,image_id,dx,dx_type,age,sex,localization");
        set.ham("HAM_0000001", "ISIC_0000001", "mel", "histo", "45.0", "male", "back");
        set.ham("HAM_0000001", "ISIC_0000002", "mel", "histo", "45.0", "male", "back");
        set.ham("HAM_0000002", "ISIC_0000003", "nv", "follow_up", "30.0", "female", "lower extremity");
        set.ham("HAM_0000003", "ISIC_0000004", "bkl", "consensus", "", "unknown", "unknown");
        set.ham("HAM_0000004", "ISIC_0000005", "df", "confocal", "60.0", "female", "face");
        set.ham("HAM_0000005", "ISIC_0000006", "akiec", "histo", "70.0", "male", "scalp");
        set.ham("HAM_0000006", "ISIC_0000007", "bcc", "histo", "80.0", "male", "neck");
        set.ham("HAM_0000007", "ISIC_0000008", "vasc", "consensus", "5.0", "female", "trunk");
        return set;
    }

    /**
     * HAM10000 with {@code lesionsPerClass} lesions of each of its 7 diagnoses; the first lesion of each diagnosis has
     * two images (one in each image folder), the others one.
     */
    static PublicSetFixture ham10000(int lesionsPerClass) {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(HAM_CSV, "lesion_id,image_id,dx,dx_type,age,sex,localization");
        String[] dx = {"mel", "nv", "bcc", "akiec", "bkl", "df", "vasc"};
        for (int c = 0; c < dx.length; c++) {
            for (int lesion = 0; lesion < lesionsPerClass; lesion++) {
                for (int image = 0; image < (lesion == 0 ? 2 : 1); image++) {
                    set.ham(String.format("HAM_1%02d%03d", c, lesion), String.format("ISIC_1%02d%03d%d", c, lesion,
                            image + 1), dx[c], "histo", "50.0", c % 2 == 0 ? "male" : "female", "back");
                }
            }
        }
        return set;
    }

    void ham(String lesion, String image, String dx, String dxType, String age, String sex, String site) {
        csvs.get(HAM_CSV).add(String.join(",", lesion, image, dx, dxType, age, sex, site));
        int n = Integer.parseInt(image.substring(image.length() - 1));
        images.put("HAM10000_images_part_" + (n % 2 == 1 ? 1 : 2) + "/" + image + ".jpg", jpeg(image));
    }

    /** ISIC 2018 task 3: one image of each of its 7 classes, images in ISIC2018_Task3_Training_Input/. */
    static PublicSetFixture isic2018() {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(ISIC_2018_CSV, "image,MEL,NV,BCC,AKIEC,BKL,DF,VASC");
        String[] classes = {"MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC"};
        for (int i = 0; i < classes.length; i++) {
            set.oneHot(ISIC_2018_CSV, "ISIC_00240" + (10 + i), i, classes.length, "ISIC2018_Task3_Training_Input/");
        }
        set.other.put("ISIC2018_Task3_Training_Input/LICENSE.txt", bytes("CC-BY-NC (synthetic stand-in)"));
        return set;
    }

    /**
     * ISIC 2019: one image of each of its 8 classes, one UNK row (skipped), the metadata CSV with lesion ids (two
     * images of the BCC's lesion BCN_0000002), images in ISIC_2019_Training_Input/ with the archive's notes.
     */
    static PublicSetFixture isic2019() {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(ISIC_2019_CSV, "image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC,UNK");
        set.csv(ISIC_2019_METADATA, "image,age_approx,anatom_site_general,lesion_id,sex");
        String[] sites = {"anterior torso", "head/neck", "lateral torso", "lower extremity", "oral/genital",
            "palms/soles", "posterior torso", "upper extremity", ""};
        for (int i = 0; i < 9; i++) {
            String image = "ISIC_00500" + (10 + i);
            set.oneHot(ISIC_2019_CSV, image, i, 9, "ISIC_2019_Training_Input/");
            set.csvs.get(ISIC_2019_METADATA).add(String.join(",", image, i == 8 ? "" : (20 + 5 * i) + ".0",
                    sites[i], i == 8 ? "" : "BCN_000000" + i, i % 2 == 0 ? "male" : "female"));
        }
        // a second image of the BCC's lesion
        set.oneHot(ISIC_2019_CSV, "ISIC_0050020", 2, 9, "ISIC_2019_Training_Input/");
        set.csvs.get(ISIC_2019_METADATA).add("ISIC_0050020,30.0,lateral torso,BCN_0000002,male");
        set.other.put("ISIC_2019_Training_Input/ATTRIBUTION.txt", bytes("synthetic stand-in"));
        set.other.put("ISIC_2019_Training_Input/LICENSE.txt", bytes("synthetic stand-in"));
        return set;
    }

    /**
     * ISIC 2019 with {@code lesionsPerClass} lesions of each of its 8 classes (one image each, lesion ids in the
     * metadata CSV) and one UNK row (skipped).
     */
    static PublicSetFixture isic2019(int lesionsPerClass) {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(ISIC_2019_CSV, "image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC,UNK");
        set.csv(ISIC_2019_METADATA, "image,age_approx,anatom_site_general,lesion_id,sex");
        for (int c = 0; c < 8; c++) {
            for (int lesion = 0; lesion < lesionsPerClass; lesion++) {
                String image = String.format("ISIC_2%02d%03d", c, lesion);
                set.oneHot(ISIC_2019_CSV, image, c, 9, "ISIC_2019_Training_Input/");
                set.csvs.get(ISIC_2019_METADATA).add(String.join(",", image, "40.0", "anterior torso",
                        String.format("BCN_2%02d%03d", c, lesion), "female"));
            }
        }
        set.oneHot(ISIC_2019_CSV, "ISIC_2999999", 8, 9, "ISIC_2019_Training_Input/");
        set.csvs.get(ISIC_2019_METADATA).add("ISIC_2999999,40.0,anterior torso,,male");
        return set;
    }

    /**
     * ISIC 2020 (train.csv with lesion_id): melanoma, nevus, seborrheic keratosis, lichenoid keratosis and solar
     * lentigo imported; unknown and lentigo NOS skipped. Images in train/.
     */
    static PublicSetFixture isic2020() {
        PublicSetFixture set = new PublicSetFixture();
        set.csv(ISIC_2020_CSV, "image_name,patient_id,lesion_id,sex,age_approx,anatom_site_general_challenge,"
                + "diagnosis,benign_malignant,target");
        set.isic2020Row("ISIC_2637011", "IP_7279968", "IL_7972535", "male", "45.0", "head/neck", "melanoma",
                "malignant", "1");
        set.isic2020Row("ISIC_0015719", "IP_3075186", "IL_4649854", "female", "45.0", "upper extremity", "nevus",
                "benign", "0");
        set.isic2020Row("ISIC_0052212", "IP_2842074", "IL_9087444", "female", "50.0", "lower extremity",
                "seborrheic keratosis", "benign", "0");
        set.isic2020Row("ISIC_0068279", "IP_6890425", "IL_4255399", "female", "45.0", "torso",
                "lichenoid keratosis", "benign", "0");
        set.isic2020Row("ISIC_0074268", "IP_8723313", "IL_6898037", "female", "55.0", "", "solar lentigo",
                "benign", "0");
        set.isic2020Row("ISIC_0074311", "IP_2950485", "IL_8116117", "female", "40.0", "lower extremity", "unknown",
                "benign", "0");
        set.isic2020Row("ISIC_0074542", "IP_4698288", "IL_0513514", "male", "25.0", "lower extremity", "lentigo NOS",
                "benign", "0");
        return set;
    }

    void isic2020Row(String image, String... fields) {
        List<String> row = new ArrayList<>(List.of(image));
        row.addAll(List.of(fields));
        csvs.get(ISIC_2020_CSV).add(String.join(",", row));
        images.put("train/" + image + ".jpg", jpeg(image));
    }

    private void csv(String name, String header) {
        csvs.put(name, new ArrayList<>(List.of(header)));
    }

    private void oneHot(String csv, String image, int marked, int columns, String folder) {
        StringBuilder row = new StringBuilder(image);
        for (int column = 0; column < columns; column++) {
            row.append(column == marked ? ",1.0" : ",0.0");
        }
        csvs.get(csv).add(row.toString());
        images.put(folder + image + ".jpg", jpeg(image));
    }

    /**
     * A drawn JPEG that no other fixture has: a background and an oval in colours drawn from a generator seeded by
     * the fixture and the image name (neighbouring names give unrelated colours, so JPEG quantisation never makes two
     * alike), with the name written on it.
     */
    byte[] jpeg(String image) {
        Random colours = new Random((salt + image).hashCode());
        BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(colours.nextInt(0x1000000)));
        g.fillRect(0, 0, 40, 30);
        g.setColor(new Color(colours.nextInt(0x1000000)));
        g.fillOval(5 + colours.nextInt(10), 5 + colours.nextInt(8), 18, 14);
        g.setColor(Color.BLACK);
        g.drawString(image.substring(image.length() - 3), 1, 28);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        csvs.forEach((name, lines) -> all.put(name, bytes(String.join("\n", lines) + "\n")));
        all.putAll(images);
        all.putAll(other);
        return all;
    }

    byte[] zip() {
        return StudySetFixture.zip(all());
    }

    Path writeFolder(Path dir) {
        try {
            for (Map.Entry<String, byte[]> file : all().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
