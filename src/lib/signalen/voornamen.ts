import { LIJST_VOORNAMEN } from './namenlijst.ts';

/**
 * Common first names in the Netherlands (and Twente in particular) across generations, so the
 * privacy guard recognises "Kees woont alleen" without a title before the name. Names that are
 * also ordinary Dutch words (Ben, Wil, Job, Hoop, Fleur, May) are left out on purpose: a false
 * alarm on normal kern language is worse than a miss the reader of the signal can still catch.
 */
const NAMEN = `
Aaltje Adrie Adriaan Agnes Albert Alberdina Alex Alexander Alie Alida Amber Amy Angela Anita Anja Anke Ankie Anna Anne Annemarie
Anneke Annelies Annet Annie Anouk Ans Anton Antoon Ard Arend Arie Arjan Arjen Arno Aron Arthur Astrid Aukje Bart Bas Bastiaan
Bea Beppie Berend Bernard Bernadette Berry Bert Bertus Bep Betsie Bettie Bianca Bob Boris Bram Brenda Bryan Carla Carin Carola
Caroline Cas Casper Cees Charlotte Chantal Chris Christiaan Cindy Claudia Coby Cor Corrie Cornelis Daan Daisy Dennis Demi Diana
Dick Dies Diederik Dina Dinie Dirk Dominique Dora Dylan Ed Eddy Edwin Egbert Eline Elise Elly Els Elsbeth Emma Erik Erna Esther
Eva Evert Evi Fabian Fenna Femke Finn Floor Frank Frans Freek Frits Gea Geert Gerard Gerben Gerda Gerdien Gerrit Gert Gerwin
Gijs Gina Grietje Guus Hanna Hannah Hans Harm Harrie Harry Hein Hendrik Hendrika Henk Hennie Henny Herman Hermien Hilde Hilda
Huub Ilse Ina Ineke Ingrid Inge Iris Isa Ivo Jaap Jacob Jacoba Jan Janna Janneke Jannes Jannie Jans Jantje Jasper Jeanet
Jeroen Jesse Jet Jetse Jikke Joep Johan Johanna Johannes Jolanda Joop Joost Jorien Joris Jos José Josef Joyce Judith Julia Julian
Jurre Justin Karel Karin Kees Kevin Kim Klaas Koen Laura Lars Lea Lieke Lies Lieve Lisa Lisanne Loes Lotte Lucas Luuk Maaike
Maarten Manon Marco Marian Marianne Marieke Marijke Marinus Mario Mark Marleen Marloes Martha Martijn Martin Mathijs Max Meike
Melissa Mila Milan Mirjam Monique Naomi Nicole Niels Nienke Nina Noah Noor Olivia Pascal Patrick Paul Peter Petra Piet Pieter
Quinten Rachel Ralf Ramon Renate René Rens Richard Rick Riek Rieks Rik Rika Rina Rinus Rob Robin Roel Rolf Romy Ronald Roos
Ruben Rutger Ruud Sander Sanne Sara Sarah Sebastiaan Sem Silvia Simone Sjaak Sjoerd Sophie Stefan Stijn Suzanne Sven Tamara
Teun Thea Theo Thijs Thomas Tiemen Tim Tineke Tinus Tom Tonnie Toon Trijntje Truus Tess Tessa Twan Vera Wendy Wessel Wiebe Wietske
Willem Willemien Willy Wim Wout Wouter Yvonne Zoë Gerritje Harmen Hilbert Jenny Jordy Kayleigh Lindsey Mandy Melvin Mohammed
Ahmed Fatima Ali Omar Yusuf Aisha Mustafa Ibrahim Hasan Emre Mehmet Ayşe Zeynep Lina Sofia Mia Liam Levi Sam Jens Tijn Ties
`;

/** Our own list and the openly licensed one in namenlijst.ts. */
export const VOORNAMEN: ReadonlySet<string> = new Set([...NAMEN.split(/\s+/).filter(Boolean), ...LIJST_VOORNAMEN]);
