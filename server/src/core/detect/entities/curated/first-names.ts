/**
 * Given names the English lists lack: Ukrainian, Russian, Baltic, Polish and other European, Arabic, Turkish,
 * Persian, Chinese and Korean (family name first, which works the same for detection), Japanese, Indian, Hispanic
 * and African names common in international news.
 */

export const EXTRA_FIRST_NAMES: readonly string[] = `
Volodymyr Oleksandr Oleksandra Oleksii Oleksiy Andrii Andriy Serhii Serhiy Dmytro Mykola Mykhailo Mykhaylo Vasyl Yurii
Yuriy Ihor Petro Pavlo Taras Bohdan Vitalii Vitaliy Valerii Valeriy Yevhen Yevheniia Oleh Ruslan Rustem Denys Kyrylo
Maksym Artem Vadym Anatolii Hennadii Stanislav Yaroslav Volodymyra Iryna Olena Oksana Tetiana Tetyana Yuliia Yulia
Nataliia Nataliya Kateryna Olha Halyna Liudmyla Lyudmyla Svitlana Mariia Anastasiia Daria Dariia Viktoriia
Khrystyna Dinara Zoryana Ivanna Solomiia Hanna Lesia Ulana Heorhii Arsen Davyd Illia Danylo Yehor Borys Valentyn
Kostiantyn Oleksandra Nadiia Lyudmila Mustafa Emine Akhtem Refat
Vladimir Sergey Sergei Dmitry Dmitri Alexei Alexey Aleksei Aleksandr Mikhail Nikolai Nikolay Yevgeny Yevgeniy Evgeny
Andrei Andrey Igor Pavel Maxim Valery Gennady Anatoly Ramzan Valentina Elvira Svetlana Tatiana Tatyana Natalya
Ekaterina Yekaterina Irina Nikita Vyacheslav Konstantin Leonid Oleg Arkady Grigory Kirill Yury Yuri Alla Galina
Lyubov Marat Dzhokhar Sviatlana Aliaksandr Alyaksandr Ales Maria Ksenia Kseniya
Andris Edgars Egils Krisjanis Krišjānis Evika Gitanas Ingrida Kaja Alar Gabrielius Arvydas Dainius Kersti Urmas
Andrzej Radosław Radoslaw Mateusz Władysław Wladyslaw Jarosław Jaroslaw Szymon Krzysztof Tomasz Piotr Paweł Pawel
Agnieszka Małgorzata Malgorzata Olaf Friedrich Annalena Jürgen Juergen Wolfgang Helmut Horst Markus Christoph Armin
Emmanuel François Francois Sébastien Sebastien Stéphane Stephane Thierry Benoît Benoit Ségolène Édouard Jean
Jean-Yves Jean-Noël Jean-Luc Jean-Pierre Giorgia Matteo Giuseppe Silvio Giorgio Mette Lars Ulf Jens Sauli Petteri
Pål Espen Sanna Frederik Jonas Mark Rishi Keir Boris Recep Tayyip Hakan Mevlüt Mevlut Selçuk Volkan Ilham Nikol
Kassym-Jomart Aleksandar Milorad Ursula Kaja Viktor Zoran Ilir Edi Klaus Jacinda Xiomara
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Hassan Hussein Hussain Omar Abdullah Abdel Abdul Khalid Khaled
Mahmoud Mustafa Youssef Yousef Ibrahim Ismail Tariq Walid Bashar Hamad Tamim Salman Faisal Fatima Aisha Layla Leila
Nour Yasmin Rania Hamza Yahya Ayman Masoud Ebrahim Javad Abbas Mohsen Hossein Abu Benjamin Yoav Naftali Yair
Benny Gideon Itamar Bezalel Isaac Xi Li Wu Hu Wang Zhang Liu Chen Yang Zhao Huang Zhou Zhu Deng Kim Moon Yoon Choi
Jung Shinzo Fumio Shigeru Yoshihide Taro Yoko Haruki Sanae Narendra Rahul Amit Subrahmanyam Sonia Priyanka Arvind Raj
Rajesh Sanjay Vijay Anil Sunil Ravi Ajit Nirmala Indira Mukesh Gautam Ratan Virat Sachin Manmohan Deepika Priya
Aditya Arjun Rohit José Jose Juan Luis Luiz Inácio Carlos Javier Pedro Pablo Alejandro Andrés Andres Jorge Gustavo
Nicolás Nicolas Claudia Santiago Mateo Diego Lionel Cristiano Sergio Rafael Fernando Gabriel Alberto Raúl Raul Felipe
Isabel Lucía Lucia Sofía Camila Gabriela Pilar Dolores Cyril Abiy Bola Muhammadu Uhuru Yoweri Paul Nana Kwame
Erling Kylian Vinicius Luka Novak Rafa Iga Aryna Elon Jensen Sundar Satya Tim Sam Jamie Warren
`.split(/\s+/).filter(Boolean);
