/**
 * First names and surnames given in the Netherlands, for the privacy guard. Source: the Dutch
 * locale of Faker (@faker-js/faker 10.6.0, `locales/nl/person`: first_name, last_name), MIT
 * licence, Copyright (c) 2022-2025 Faker (https://github.com/faker-js/faker). Left out: names that
 * are also ordinary words (Ben, Job, Storm, Merel, …) and, of the surnames, the prefixes (van de …)
 * and surnames that are common nouns (Boer, Bos, Vos, …): a false alarm on kern language is
 * worse than a miss. Regenerate by hand; keep this file small (it is bundled into the form).
 */

const VOOR = `
Aaliyah Aaltje Aaron Abby Abdullah Abe Abel Abigail Abraham Ada Adam Adriaan Adrian Adriana Ahmad Ahmed Ahmet Aiden
Aimée Aisha Alan Albert Aleksander Alex Alexander Alexandra Aleyna Ali Alice Alicia Alina Alisa Aliya Aliyah Alma
Alparslan Alya Alyssa Amalia Amara Amaya Amber Amelia Amelie Amin Amina Amir Amira Amy Amélie Angelina Anna Annabel
Anne Annemijn Anouar Anouk Anthony Anton Antoni Aras Arda Ariana Arie Armin Aron Arthur Arya Asel Ashley Asiya Asya
Ava Axel Aya Ayana Ayaz Ayden Ayla Aylin Ayman Ayoub Azra Babette Badr Bart Bas Bastiaan Beau Bella Benja Benjamin
Benthe Bentley Benyamin Berend Bibi Bilal Bjorn Boas Boaz Bob Bobbi Bobbie Bobby Bodhi Boris Bowie Bradley Bram
Brandon Brenn Brent Brian Britt Bruce Bruno Bryan Carlijn Carmen Cas Casper Cataleya Catharina Cato Celine Charlie
Charlotte Chloe Chris Christiaan Christian Christopher Claire Coen Colin Collin Cornelia Cornelis Céline Daan Daantje
Daisy Daley Damian Damin Dana Dani Daniel Danilo Danique Daniël Dante Daphne Dave Davey Davi David Davina Davy Dean
Deen Defne Demi Deniz Devin Dewi Dexx Diana Diede Diego Dieke Dies Dina Dion Dirk Djayden Djenna Dominik Dominique
Don Donna Donny Dorian Doris Douwe Dua Duco Duuk Dylan Dylano Eef Eefje Ela Eleanor Elena Eleonora Eli Eliana Elias
Elif Elijah Elin Elina Eline Elisa Elisabeth Elise Eliza Elizabeth Elize Ella Elodie Elynn Emilia Emilie Emily Emin
Emir Emma Emmy Ensar Enzo Eray Esma Esmee Esmée Esra Esther Ethan Eva Evan Evelien Eveline Evi Evie Evy Eymen Ezra
Faas Fabian Fabiënne Famke Farah Fardau Fatima Fay Faya Faye Fayen Fayenne Febe Fedde Feline Felix Femke Fenna Fenne
Ferre Fieke Fien Fiene Filip Filou Finley Finn Finnley Floor Floortje Flore Florence Florian Florine Floris Flynn
Frederik Freek Frenkie Freya Fynn Féline Gabriel Gabriël George Gerrit Gideon Giel Gigi Gijs Gioia Giovanni Giulia
Glenn Guus Guusje Gwen Hafsa Hailey Hamza Hanna Hannah Hanne Harvey Hayley Hein Helena Hendrik Hendrika Hidaya Hidde
Hira Hugo Huub Ian Ibrahim Idris Igor Ilay Ilias Ilse Ilyas Imani Imke Imran Inara Inaya Ines Iris Isa Isaac Isabeau
Isabel Isabella Isabelle Isaiah Ise Ismail Isra Iva Ivan Ivar Ivo Ize Izzy Jace Jack Jackie Jackson Jacky Jacob
Jacoba Jacobus Jada Jaelynn Jailey Jaimy Jairo Jaivey Jake Jakob Jakub Jalou James Jamie Jan Jana Jane Janna Janne
Jara Jari Jasmijn Jasmine Jason Jasper Javi Jaxon Jaxx Jay Jayce Jayda Jayden Jaylano Jaylen Jaylinn Jayson Jayvano
Jazzlyn Jazzlynn Jefta Jelle Jelmer Jelte Jenna Jens Jente Jeppe Jeremiah Jesper Jess Jesse Jessie Jesslyn Jesslynn
Jet Jette Jidde Jill Jim Jimi Jimmy Jinte Jinthe Jip Joah Joanna Joas Joe Joep Joes Joey Johan Johanna Johannes John
Jolie Jolien Jolijn Jona Jonah Jonas Jonathan Joost Jop Jordan Jordy Joris Jorn Jorrit Jort Josefien Joseph Josephine
Josh Joshua Joya Joël Joëlle Juda Jula Julan Jule Jules Julia Julian Julie Juliette Julius Juliëtte Juna Junayd Juno
Jur Jurre Justin Juul Kaan Kacper Kai Kaj Karam Karlijn Kasper Kate Kato Kayden Kaylee Kayleigh Keano Kees Keet Kenan
Kenji Kensi Kenza Kenzo Kerem Kevin Khadija Kian Kiara Kim Kira Kjeld Klaas Koen Krijn Kyan Kyano Kyara Kyra Laila
Lana Lara Lars Lasse Laura Laure Lauren Laurens Laurie Layla Lea Leah Leendert Len Lena Lenn Lenne Lennon Lennox Leo
Leon Leonardo Lev Levi Levy Lewis Lex Lexi Lexie Leyla Lia Liam Lieke Lien Liene Lieuwe Lilian Liliana Lilly Lilou
Lily Lina Linn Linne Lisa Lisanne Lise Liselotte Liva Livia Liya Liyam Liyana Liz Liza Lize Lizz Lizzy Loek Loes Loet
Logan Lois Lola Lorena Lorenzo Lotte Lou Loua Louay Louie Louis Louise Loïs Luc Luca Lucas Luciano Lucie Lucy Luka
Lukas Luke Luna Luuk Luus Lyam Lydia Lynn Maaike Maarten Maartje Macy Madelief Mads Maes Maeve Maher Mahir Maja Malik
Malou Manoah Manu Manuel Mara Marcel Marcus Maren Maria Marie Marijn Marinus Marit Marius Mark Marley Marlie Marly
Marrit Mart Martin Marwa Maryam Mason Mateo Mathijs Mathilde Mats Matteo Matthew Matthias Matthijs Matz Maud Maurits
Max Maxim Maxime Maximilian Maya Mayra Maysa Mayson Medina Megan Meghan Mehmet Meike Melina Melisa Melissa Melle
Melody Mels Menno Merijn Merle Mert Meryem Mette Mex Meyra Mia Micah Micha Michael Michelle Mick Midas Miguel Mik
Mika Mike Mikki Mila Milan Milana Milano Milena Miley Milly Milo Milou Mina Mira Miran Mirre Mirte Mirthe Mirza Mitch
Mohamed Mohammad Mohammed Morris Moussa Mozes Muhammad Muhammed Musa Mustafa Myla Mylan Mylo Myra Myrthe Nadia Nadine
Nadir Naomi Naoufal Naoufel Natan Nathan Naud Neeltje Nela Nena Nick Nico Niek Niels Niene Nienke Nika Nikki Nikkie
Nikodem Nila Nils Nina Nino Ninthe Nisa Noa Noah Noam Noami Noan Nola Nolan Nomi Noor Noortje Nora Norah Nore Noud
Nour Nouri Nout Novan Novi Nowi Noë Noël Noëlla Noëlle Nynke Odin Olaf Ole Oliver Olivia Olivier Oliwia Oliwier Omar
Oscar Oskar Osman Otis Otto Oumayra Owen Pelle Pepijn Peter Phileine Philip Philou Pien Pieter Pim Pippa Pleun Pola
Quin Quinn Quinten Quinty Rachel Raf Rafael Rafaël Raff Ralph Rana Raphael Raphaël Ravi Rayan Rayen Rens Renske Revi
Reza Rick Rico Riff Riley Roan Robert Robin Rohan Romee Romy Roos Rosa Rosalie Rosie Rowan Roxy Ruben Ryan Saar Sabir
Safa Safae Safiya Safouan Safouane Salomë Sam Sami Sammie Samuel Samuël Sander Sanna Sanne Sara Sarah Sare Scott
Scottie Seb Sebas Sebastiaan Sebastian Sef Seff Selena Selina Selma Sem Semih Sena Senn Senna Senne Sepp Seppe Seth
Sev Shane Siebe Siem Sienna Siep Silas Silke Silvan Simon Siënna Sjoerd Sjors Skye Sofia Sofie Soof Sophia Sophie
Stan Stef Stefan Sten Sterre Steven Stijn Suus Suze Sven Sverre Tara Teddy Teije Tess Tessa Teun Teunis Theo Thiago
Thije Thijmen Thijn Thijs Thirza Thom Thomas Tibbe Tieme Ties Tijmen Tijn Tijs Tim Timo Tirza Tobias Tobin Toby Tom
Tomas Tommy Toon Tristan Tuur Twan Tycho Tygo Tyler Tymon Umut Valentijn Valentina Valentino Valerie Vanessa Veerle
Vera Victor Victoria Vienna Vieve Viggo Vigo Viktor Vince Vincent Vinz Vivian Vivienne Wessel Wies Wilhelmina Willem
William Wout Wouter Xander Xavi Xavier Xem Yahya Yannick Yara Yarah Yasin Yasmin Yasmine Yassin Yassine Yassir Yenthe
Yfke Yinthe Younes Youp Yousef Youssef Yuna Yusuf Yves Zahra Zain Zakaria Zara Zayd Zayn Zev Zeyd Zeyneb Zeynep Zion
Ziva Zoey Zofia Zoë Zuzanna
`;

const ACHTER = `
Aalbers Adel Bakker Beek Berg Bijl Blom Bosch Bosman Brink Broek Brouwer Bruijn Bruyn Cornelissen Corsten Corte Dam
Dekker Dijk Dijkstra Dongen Doorn Driessen Evers Freriks Gerritsen Ginneken Graaf Groot Groothuizen Haan Hartman
Hazes Heijden Hendriks Hermans Heuvel Heyden Hofman Horst Huisman Iersel Jacobs Jansen Janssen Jong Jonge Jonker
Kramer Kuijpers Kuiper Kuypers Laan Lange Leeuw Leeuwen Linden Loon Lubbers Martens Meer Meeuwis Meijer Meulen Meyer
Molenaar Moors Mulder Nijland Nijs Oosterhuis Peeters Poels Pol Postma Prinsen Rietman Ritsma Ruiter Sanders Schipper
Scholten Smeets Terlouw Timmermans Veen Veenstra Velde Velden Ven Verbeek Verhoeven Vermeulen Vink Visser Vliet Vries
Wagenaar Wal Wijk Willems Willemsen Wit Wolters Zijlstra Zuiderveld
`;

const lijst = (s: string) => s.split(/\s+/).filter(Boolean);
export const LIJST_VOORNAMEN: readonly string[] = lijst(VOOR);
export const LIJST_ACHTERNAMEN: ReadonlySet<string> = new Set(lijst(ACHTER));
